using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Client of LINE Pay's Online API (v3/v4). Each call is sent once: nothing is retried automatically, and a redirect is
/// not an answer. Business errors raise <see cref="LinePayApiException"/>; no answer raises
/// <see cref="LinePayTransportException"/> or <see cref="LinePayTimeoutException"/>; the caller's own cancellation
/// raises <see cref="OperationCanceledException"/>.
/// </summary>
public class LinePayClient
{
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _httpClient;
    private readonly LinePayClientOptions _options;
    private readonly ILogger<LinePayClient> _logger;
    private readonly LinePayApiPaths _paths;
    private readonly string _addressPrefix;

    /// <param name="httpClient">A fresh client (e.g. from IHttpClientFactory) whose handler does not follow redirects
    /// (<see cref="CreateHttpHandler"/>, <see cref="RefuseRedirects"/>); its Timeout is set to infinite, each call has its own</param>
    /// <exception cref="ArgumentException">The channel ID or secret is missing, or the base address is not one <see cref="LinePayBaseAddress"/> accepts</exception>
    public LinePayClient(HttpClient httpClient, LinePayClientOptions options, ILogger<LinePayClient> logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ChannelId))
            throw new ArgumentException("The LINE Pay channel ID is required.", nameof(options));
        if (string.IsNullOrEmpty(options.ChannelSecret))
            throw new ArgumentException("The LINE Pay channel secret is required.", nameof(options));
        if (options.BaseAddress is not null)
            LinePayBaseAddress.EnsureUsable(options.BaseAddress, nameof(options));
        if (options.MaxResponseSize <= 0)
            throw new ArgumentException("The LINE Pay answer size limit must be positive.", nameof(options));

        _paths = new LinePayApiPaths(options.ApiVersion);
        _addressPrefix = LinePayBaseAddress.Prefix(options.EffectiveBaseAddress);
        _httpClient = httpClient;
        _httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _options = options;
        _logger = logger ?? NullLogger<LinePayClient>.Instance;
    }

    private LinePayTimeouts Timeouts => _options.Timeouts ?? new LinePayTimeouts();

    /// <summary>
    /// Creates a handler with LINE Pay's connect timeout that does not follow redirects, for use without IHttpClientFactory
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(LinePayTimeouts timeouts = null) => new()
    {
        ConnectTimeout = (timeouts ?? new LinePayTimeouts()).Connect,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false
    };

    /// <summary>
    /// Turns off following redirects on a handler built elsewhere (e.g. the primary handler of a named HttpClient). A
    /// redirect would send the signed call, and for 307/308 its body, to an address nobody configured.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handler is of a kind whose redirects cannot be turned off here</exception>
    public static void RefuseRedirects(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case HttpClientHandler httpClientHandler:
                httpClientHandler.AllowAutoRedirect = false;
                break;
            case SocketsHttpHandler socketsHttpHandler:
                socketsHttpHandler.AllowAutoRedirect = false;
                break;
            default:
                throw new InvalidOperationException($"Redirects of a {handler?.GetType().Name ?? "missing"} handler cannot be turned off for LINE Pay's API calls.");
        }
    }

    /// <summary>
    /// Request API: reserves a payment and returns the transaction ID and the page where the customer approves it
    /// </summary>
    /// <exception cref="ArgumentException">An amount does not fit the currency's scale, or a v4-only field is set on v3; nothing was sent</exception>
    public async Task<PaymentRequestInfo> RequestPaymentAsync(PaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.ApiVersion == LinePayApiVersion.V3 && request.Options?.RegPayRequest is not null)
            throw new ArgumentException("options.regPayRequest exists only in LINE Pay API v4.", nameof(request));

        var call = new LinePayCall
        {
            ApiPath = _paths.Request,
            Body = LinePayJson.SerializeToUtf8Bytes(request, request.Currency),
            Timeout = Timeouts.Request,
            OrderId = request.OrderId
        };
        var info = RequireInfo(call, await SendAsync<LinePayResponse<PaymentRequestInfo>>(call, cancellationToken));
        if (_logger.IsEnabled(LogLevel.Information))
            _logger.LogInformation("LINE Pay reserved transaction {TransactionId} for order {OrderId}", info.TransactionId, request.OrderId);

        return info;
    }

    /// <summary>
    /// Confirm API: completes (or authorizes) the payment the customer approved, with the requested amount and currency
    /// </summary>
    public async Task<ConfirmResponseInfo> ConfirmPaymentAsync(long transactionId, decimal amount, string currency,
        CancellationToken cancellationToken = default)
    {
        var call = new LinePayCall
        {
            ApiPath = _paths.Confirm(transactionId),
            Body = LinePayJson.SerializeToUtf8Bytes(new AmountRequest { Amount = amount, Currency = currency }, currency),
            Timeout = Timeouts.Confirm,
            TransactionId = transactionId
        };

        return RequireInfo(call, await SendAsync<LinePayResponse<ConfirmResponseInfo>>(call, cancellationToken));
    }

    /// <summary>
    /// Capture API: captures an authorized payment, fully or partially (the rest is released)
    /// </summary>
    public async Task<CaptureResponseInfo> CapturePaymentAsync(long transactionId, decimal amount, string currency,
        CancellationToken cancellationToken = default)
    {
        var call = new LinePayCall
        {
            ApiPath = _paths.Capture(transactionId),
            Body = LinePayJson.SerializeToUtf8Bytes(new AmountRequest { Amount = amount, Currency = currency }, currency),
            Timeout = Timeouts.Capture,
            TransactionId = transactionId
        };

        return RequireInfo(call, await SendAsync<LinePayResponse<CaptureResponseInfo>>(call, cancellationToken));
    }

    /// <summary>
    /// Void API: cancels an authorized payment that was not captured
    /// </summary>
    public async Task VoidPaymentAsync(long transactionId, CancellationToken cancellationToken = default)
    {
        var call = new LinePayCall { ApiPath = _paths.Void(transactionId), Timeout = Timeouts.Void, TransactionId = transactionId };

        EnsureSuccess(call, await SendAsync<LinePayResponse>(call, cancellationToken));
    }

    /// <summary>
    /// Refund API: refunds the rest of a captured payment when <paramref name="refundAmount"/> is null, otherwise that amount
    /// </summary>
    /// <param name="currency">Currency of the payment, which decides the refund amount's scale</param>
    public async Task<RefundInfo> RefundPaymentAsync(long transactionId, decimal? refundAmount, string currency,
        CancellationToken cancellationToken = default)
    {
        LinePayCurrencyScale.GetDecimals(currency);
        var call = new LinePayCall
        {
            ApiPath = _paths.Refund(transactionId),
            Body = refundAmount is { } amount ? LinePayJson.SerializeToUtf8Bytes(new RefundRequest { RefundAmount = amount }, currency) : [],
            Timeout = Timeouts.Refund,
            TransactionId = transactionId
        };

        return RequireInfo(call, await SendAsync<LinePayResponse<RefundInfo>>(call, cancellationToken));
    }

    /// <summary>
    /// Payment Details API: the confirmed payments (and their refunds) with these transaction IDs and/or order IDs;
    /// empty when LINE Pay has none (1150)
    /// </summary>
    public async Task<IReadOnlyList<PaymentDetailsInfo>> GetPaymentDetailsAsync(IEnumerable<long> transactionIds = null,
        IEnumerable<string> orderIds = null, CancellationToken cancellationToken = default)
    {
        var ids = transactionIds?.ToList() ?? [];
        var orders = orderIds?.ToList() ?? [];
        if (ids.Count == 0 && orders.Count == 0)
            throw new ArgumentException("Payment Details needs at least one transaction ID or order ID.", nameof(transactionIds));
        if (orders.Any(string.IsNullOrEmpty))
            throw new ArgumentException("Order IDs must not be empty.", nameof(orderIds));

        var query = ids.Select(id => "transactionId=" + id.ToString(CultureInfo.InvariantCulture))
            .Concat(orders.Select(orderId => "orderId=" + Uri.EscapeDataString(orderId)));
        var call = new LinePayCall
        {
            Method = HttpMethod.Get,
            ApiPath = _paths.Payments,
            Query = string.Join('&', query),
            Timeout = Timeouts.PaymentDetails,
            OrderId = orders.Count == 1 ? orders[0] : null,
            TransactionId = ids.Count == 1 ? ids[0] : null,
            NothingFoundIsAnAnswer = true
        };

        var response = await SendAsync<LinePayResponse<List<PaymentDetailsInfo>>>(call, cancellationToken);

        //1150: LINE Pay has no confirmed payment with these ids, which is an answer
        return response.EffectiveReturnCode == LinePayReturnCodes.TransactionNotFound ? [] : RequireInfo(call, response);
    }

    /// <summary>
    /// Payment Details API for one transaction: its entry, or null when the answer does not list it
    /// </summary>
    public async Task<PaymentDetailsInfo> GetPaymentDetailsAsync(long transactionId, CancellationToken cancellationToken = default) =>
        (await GetPaymentDetailsAsync([transactionId], cancellationToken: cancellationToken))
        .FirstOrDefault(info => info.TransactionId == transactionId);

    /// <summary>
    /// Check Payment Request Status API: where the customer is with a payment request; status codes are results, not errors
    /// </summary>
    public async Task<PaymentRequestStatus> CheckPaymentStatusAsync(long transactionId, CancellationToken cancellationToken = default)
    {
        var call = new LinePayCall
        {
            Method = HttpMethod.Get,
            ApiPath = _paths.CheckPaymentStatus(transactionId),
            Timeout = Timeouts.CheckPaymentStatus,
            TransactionId = transactionId
        };
        var response = await SendAsync<LinePayResponse>(call, cancellationToken);

        return response.EffectiveReturnCode switch
        {
            LinePayReturnCodes.Success => PaymentRequestStatus.Reserved,
            LinePayReturnCodes.Authenticated => PaymentRequestStatus.Authenticated,
            LinePayReturnCodes.CancelledOrExpired => PaymentRequestStatus.CancelledOrExpired,
            LinePayReturnCodes.Failed => PaymentRequestStatus.Failed,
            LinePayReturnCodes.Completed => PaymentRequestStatus.Completed,
            _ => throw new LinePayApiException(call.LoggedPath, response.EffectiveReturnCode, response.EffectiveReturnMessage)
        };
    }

    /// <summary>
    /// Pay Preapproved API: charges a customer with the regKey of an earlier pre-approved payment
    /// </summary>
    public async Task<PreapprovedPaymentInfo> PayPreapprovedAsync(string regKey, PreapprovedPaymentRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(regKey);
        ArgumentNullException.ThrowIfNull(request);

        var call = new LinePayCall
        {
            ApiPath = _paths.PayPreapproved(regKey),
            LoggedPath = LinePayRegKeys.MaskIn(_paths.PayPreapproved(regKey), regKey),
            Body = LinePayJson.SerializeToUtf8Bytes(request, request.Currency),
            Timeout = Timeouts.PayPreapproved,
            OrderId = request.OrderId
        };

        var info = RequireInfo(call, await SendAsync<LinePayResponse<PreapprovedPaymentInfo>>(call, cancellationToken));
        _logger.LogInformation("LINE Pay charged transaction {TransactionId} for order {OrderId} with a pre-approved key", info.TransactionId, request.OrderId);

        return info;
    }

    /// <summary>
    /// Check RegKey API: completes when the regKey is usable; an unknown (1190) or expired (1193) key raises <see cref="LinePayApiException"/>
    /// </summary>
    /// <param name="creditCardAuth">Also run a minimum-amount card authorization (Taiwan, needs LINE Pay's approval)</param>
    public async Task CheckRegKeyAsync(string regKey, bool creditCardAuth = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(regKey);

        var call = new LinePayCall
        {
            Method = HttpMethod.Get,
            ApiPath = _paths.CheckRegKey(regKey),
            LoggedPath = LinePayRegKeys.MaskIn(_paths.CheckRegKey(regKey), regKey),
            Query = creditCardAuth ? "creditCardAuth=true" : string.Empty,
            Timeout = Timeouts.CheckRegKey
        };

        EnsureSuccess(call, await SendAsync<LinePayResponse>(call, cancellationToken));
    }

    /// <summary>
    /// Expire RegKey API: discards a regKey so it can no longer be charged
    /// </summary>
    public async Task ExpireRegKeyAsync(string regKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(regKey);

        var call = new LinePayCall
        {
            ApiPath = _paths.ExpireRegKey(regKey),
            LoggedPath = LinePayRegKeys.MaskIn(_paths.ExpireRegKey(regKey), regKey),
            Timeout = Timeouts.ExpireRegKey
        };

        EnsureSuccess(call, await SendAsync<LinePayResponse>(call, cancellationToken));
    }

    private async Task<TResponse> SendAsync<TResponse>(LinePayCall call, CancellationToken cancellationToken)
        where TResponse : LinePayResponse
    {
        var nonce = LinePayNonce.Create();
        var address = new Uri(_addressPrefix + call.PathAndQuery);
        using var request = new HttpRequestMessage(call.Method, address)
        {
            Content = new ByteArrayContent(call.Body)
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(JsonMediaType);
        request.Headers.Add("X-LINE-ChannelId", _options.ChannelId);
        request.Headers.Add("X-LINE-Authorization-Nonce", nonce);
        request.Headers.Add("X-LINE-Authorization", LinePaySignature.ComputeUtf8(_options.ChannelSecret, call.ApiPath, call.SignedContent, nonce));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout);
        var stopwatch = Stopwatch.StartNew();

        HttpStatusCode statusCode;
        bool redirected;
        string text = null;
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = response.StatusCode;
            //a handler that follows redirects points the request at where it was sent last
            redirected = response.RequestMessage is { } sent && sent.RequestUri != address;
            if (statusCode == HttpStatusCode.OK && !redirected)
                text = await LinePayResponseBody.ReadAsync(response.Content, _options.MaxResponseSize, timeout.Token);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        catch (OperationCanceledException exception)
        {
            // not the caller's token: either this call's read timeout or the handler's connect timeout
            var elapsed = timeout.IsCancellationRequested ? call.Timeout : Timeouts.Connect;
            LogFailure(call, stopwatch, "timed out");
            throw new LinePayTimeoutException(call.LoggedPath, elapsed, exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            LogFailure(call, stopwatch, "connection failed");
            throw new LinePayTransportException(call.LoggedPath,
                $"LINE Pay {call.LoggedPath} could not be reached or dropped the connection: {exception.Message}", null, exception);
        }

        if (redirected)
        {
            LogFailure(call, stopwatch, "redirected");
            throw new LinePayTransportException(call.LoggedPath, $"LINE Pay {call.LoggedPath} was redirected to another address, which is not an answer.", statusCode);
        }

        if (statusCode != HttpStatusCode.OK)
        {
            LogFailure(call, stopwatch, $"HTTP {(int)statusCode}");
            throw new LinePayTransportException(call.LoggedPath, $"LINE Pay {call.LoggedPath} answered HTTP {(int)statusCode}.", statusCode);
        }

        if (text is null)
        {
            LogFailure(call, stopwatch, $"answer longer than {_options.MaxResponseSize} bytes");
            throw new LinePayTransportException(call.LoggedPath,
                $"LINE Pay {call.LoggedPath} answered with more than {_options.MaxResponseSize} bytes; the answer was not read.", statusCode);
        }

        TResponse envelope;
        try
        {
            envelope = LinePayJson.Deserialize<TResponse>(text);
        }
        catch (JsonException exception)
        {
            LogFailure(call, stopwatch, "unreadable body");
            throw new LinePayTransportException(call.LoggedPath, $"LINE Pay {call.LoggedPath} answered with a body that is not its JSON.", statusCode, exception);
        }

        if (envelope?.EffectiveReturnCode is null)
        {
            LogFailure(call, stopwatch, "no return code");
            throw new LinePayTransportException(call.LoggedPath, $"LINE Pay {call.LoggedPath} answered without a return code.", statusCode);
        }

        var answered = LinePayReturnCodes.Classify(envelope.EffectiveReturnCode) is LinePayReturnCodeClass.Success or LinePayReturnCodeClass.Status
            || (call.NothingFoundIsAnAnswer && envelope.EffectiveReturnCode == LinePayReturnCodes.TransactionNotFound);
        var level = answered ? LogLevel.Information : LogLevel.Warning;
        //the arguments are boxed into an array before the logger is asked whether it writes anything
        if (_logger.IsEnabled(level))
            _logger.Log(level, "LINE Pay {ApiPath} order {OrderId} transaction {TransactionId}: {ReturnCode} {ReturnMessage} in {ElapsedMs} ms",
                call.LoggedPath, call.OrderId, call.TransactionId, envelope.EffectiveReturnCode, envelope.EffectiveReturnMessage, stopwatch.ElapsedMilliseconds);

        return envelope;
    }

    private void LogFailure(LinePayCall call, Stopwatch stopwatch, string failure) =>
        _logger.LogWarning("LINE Pay {ApiPath} order {OrderId} transaction {TransactionId}: {Failure} after {ElapsedMs} ms",
            call.LoggedPath, call.OrderId, call.TransactionId, failure, stopwatch.ElapsedMilliseconds);

    private static void EnsureSuccess(LinePayCall call, LinePayResponse response)
    {
        if (response.EffectiveReturnCode != LinePayReturnCodes.Success)
            throw new LinePayApiException(call.LoggedPath, response.EffectiveReturnCode, response.EffectiveReturnMessage);
    }

    private static TInfo RequireInfo<TInfo>(LinePayCall call, LinePayResponse<TInfo> response) where TInfo : class
    {
        EnsureSuccess(call, response);

        return response.Info
            ?? throw new LinePayTransportException(call.LoggedPath, $"LINE Pay {call.LoggedPath} answered {LinePayReturnCodes.Success} without info.", HttpStatusCode.OK);
    }
}
