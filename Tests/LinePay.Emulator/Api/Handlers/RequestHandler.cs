using System.Text.Json;
using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/request: validates the order and reserves a transaction the customer then approves
/// </summary>
internal sealed class RequestHandler(
    EmulatorSettings settings,
    TransactionStore store,
    IdentifierGenerator identifiers,
    AmountReader amounts,
    TimeProvider clock) : IApiHandler
{
    private static readonly string[] ConfirmUrlTypes = ["CLIENT", "SERVER", "NONE"];
    private static readonly string[] PayTypes = ["NORMAL", "PREAPPROVED"];
    private static readonly string[] Locales = ["en", "ja", "ko", "th", "zh_TW", "zh_CN"];

    public LinePayEndpoint Endpoint => LinePayEndpoint.Request;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var body = JsonBody.ParseObject(call.Body);

        var currency = JsonBody.RequiredString(body, "currency", 3);
        amounts.ScaleOf(currency);
        var orderId = JsonBody.RequiredString(body, "orderId", 100);
        var amount = amounts.Required(body, "amount", currency);
        var packages = JsonBody.RequiredArray(body, "packages");
        var packagesTotal = packages.EnumerateArray().Sum(p => ReadPackage(p, currency, call.ApiVersion));

        var redirectUrls = JsonBody.OptionalObject(body, "redirectUrls");
        var confirmUrlType = redirectUrls is { } urls
            ? JsonBody.OptionalString(urls, "confirmUrlType", 10) ?? "CLIENT"
            : "CLIENT";
        if (!ConfirmUrlTypes.Contains(confirmUrlType))
            throw new ApiError(ReturnCodes.ParameterError, "confirmUrlType must be CLIENT, SERVER or NONE.");
        var confirmUrl = ReadUrl(redirectUrls, "confirmUrl", required: confirmUrlType != "NONE");
        var cancelUrl = ReadUrl(redirectUrls, "cancelUrl", required: confirmUrlType != "NONE");
        if (redirectUrls is { } redirect)
            JsonBody.OptionalString(redirect, "appPackageName", 4000);
        if (redirectUrls is null && confirmUrlType != "NONE")
            throw JsonBody.Missing("redirectUrls");

        var (capture, preapproved) = ReadOptions(body);

        if (preapproved && !settings.PreapprovedAllowed)
            throw new ApiError(ReturnCodes.PreapprovedNotAllowed);
        if (amount <= 0 && !preapproved)
            throw new ApiError(ReturnCodes.AmountTooLow);
        if (amount > settings.MaximumAmount)
            throw new ApiError(ReturnCodes.AmountTooHigh);
        // A preapproved registration may carry zero-amount packages (LINE Pay's own example does).
        if (amount != packagesTotal && !(preapproved && packagesTotal == 0))
            throw new ApiError(settings.AmountMismatchReturnCode, "amount is not the sum of packages[].amount.");

        var now = clock.GetUtcNow();
        var token = identifiers.NextReserveToken();
        var baseAddress = settings.PublicBaseAddress is { Length: > 0 } configured
            ? configured.TrimEnd('/') + "/"
            : call.RequestBaseAddress;
        var paymentUrl = new Uri($"{baseAddress}web/payment/wait?transactionReserveId={token}");
        var transaction = new EmulatorTransaction
        {
            TransactionId = identifiers.NextTransactionId(),
            OrderId = orderId,
            Amount = amount,
            Currency = currency,
            Capture = capture,
            Preapproved = preapproved,
            ProductName = packages[0].GetProperty("products")[0].GetProperty("name").GetString()!,
            Packages = packages.Clone(),
            CreatedAt = now,
            PaymentUrlExpiresAt = now + settings.PaymentUrlLifetime,
            ConfirmUrlType = confirmUrlType,
            ConfirmUrl = confirmUrl,
            CancelUrl = cancelUrl,
            ReserveToken = token,
            PaymentAccessToken = identifiers.NextPaymentAccessToken(),
            PaymentUrl = paymentUrl,
            State = TransactionState.Reserved
        };
        store.Add(transaction, settings.OrderIdReuse);

        var info = new JsonObject
        {
            ["paymentUrl"] = new JsonObject
            {
                ["web"] = paymentUrl.AbsoluteUri,
                ["app"] = $"line://pay/payment/{token}"
            },
            ["transactionId"] = transaction.TransactionId,
            ["paymentAccessToken"] = transaction.PaymentAccessToken
        };
        return Task.FromResult(ApiResponse.Ok("Success.", info));
    }

    /// <summary>Validates one package and returns its amount (v3 adds its userFee to what the total must match)</summary>
    private decimal ReadPackage(JsonElement package, string currency, int apiVersion)
    {
        if (package.ValueKind != JsonValueKind.Object)
            throw new ApiError(ReturnCodes.ParameterError, "packages[] must hold objects.");

        JsonBody.RequiredString(package, "id", 50);
        JsonBody.OptionalString(package, "name", 100);
        var amount = amounts.Required(package, "amount", currency);
        var userFee = apiVersion == 3 ? amounts.Optional(package, "userFee", currency) ?? 0 : 0;

        decimal productsTotal = 0;
        foreach (var product in JsonBody.RequiredArray(package, "products").EnumerateArray())
        {
            if (product.ValueKind != JsonValueKind.Object)
                throw new ApiError(ReturnCodes.ParameterError, "products[] must hold objects.");

            JsonBody.OptionalString(product, "id", 50);
            JsonBody.RequiredString(product, "name", 4000);
            JsonBody.OptionalString(product, "imageUrl", 500);
            var quantity = JsonBody.RequiredPositiveInteger(product, "quantity");
            var price = amounts.Required(product, "price", currency);
            amounts.Optional(product, "originalPrice", currency);
            productsTotal += price * quantity;
        }

        if (amount != productsTotal)
            throw new ApiError(settings.AmountMismatchReturnCode,
                "packages[].amount is not the sum of price × quantity.");

        return amount + userFee;
    }

    private static string? ReadUrl(JsonElement? redirectUrls, string name, bool required)
    {
        var url = redirectUrls is { } urls ? JsonBody.OptionalString(urls, name, 500) : null;
        if (url is null)
            return required ? throw JsonBody.Missing($"redirectUrls.{name}") : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ApiError(ReturnCodes.ParameterError, $"redirectUrls.{name} must be an absolute http(s) URL.");

        return url;
    }

    private static (bool Capture, bool Preapproved) ReadOptions(JsonElement body)
    {
        if (JsonBody.OptionalObject(body, "options") is not { } options)
            return (true, false);

        var capture = true;
        var preapproved = false;
        if (JsonBody.OptionalObject(options, "payment") is { } payment)
        {
            capture = JsonBody.OptionalBoolean(payment, "capture") ?? true;
            var payType = JsonBody.OptionalString(payment, "payType", 12) ?? "NORMAL";
            if (!PayTypes.Contains(payType))
                throw new ApiError(ReturnCodes.ParameterError, "payType must be NORMAL or PREAPPROVED.");
            preapproved = payType == "PREAPPROVED";
        }

        if (JsonBody.OptionalObject(options, "display") is { } display)
        {
            var locale = JsonBody.OptionalString(display, "locale", 5);
            if (locale is not null && !Locales.Contains(locale))
                throw new ApiError(ReturnCodes.ParameterError, "locale is not supported.");
            JsonBody.OptionalBoolean(display, "checkConfirmUrlBrowser");
        }

        // branchId longer than 32 characters is truncated by LINE Pay, not refused, so only branchName is limited.
        if (JsonBody.OptionalObject(options, "extra") is { } extra)
            JsonBody.OptionalString(extra, "branchName", 200);

        return (capture, preapproved);
    }
}
