using System.Net.Http.Headers;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// The floor plus the work LINE Pay's protocol asks of every call whatever the JSON library: the address, a fresh nonce,
/// the HMAC-SHA256 signature, the validated headers and a per-call timeout. The body is serialised beforehand and the
/// answer parsed as the floor does, so that client / this is what the client's JSON costs and this / floor what signing
/// and the transport's safeguards cost.
/// </summary>
public sealed class SignedCall
{
    private readonly LinePayClientOptions _options;
    private readonly string _apiPath;
    private readonly byte[] _body;
    private readonly TimeSpan _timeout;

    private SignedCall(LinePayClientOptions options, string apiPath, byte[] body, TimeSpan timeout)
    {
        _options = options;
        _apiPath = apiPath;
        _body = body;
        _timeout = timeout;
    }

    public static SignedCall Request(LinePayClientOptions options, PaymentRequest request) =>
        new(options, new LinePayApiPaths(options.ApiVersion).Request, LinePayJson.SerializeToUtf8Bytes(request, request.Currency), options.Timeouts.Request);

    public static SignedCall Confirm(LinePayClientOptions options, long transactionId, decimal amount, string currency) =>
        new(options, new LinePayApiPaths(options.ApiVersion).Confirm(transactionId),
            LinePayJson.SerializeToUtf8Bytes(new AmountRequest { Amount = amount, Currency = currency }, currency), options.Timeouts.Confirm);

    /// <summary>Signs and sends the body and returns the answer's return code, which must be 0000</summary>
    public async Task<string> SendAsync(HttpClient http)
    {
        var nonce = LinePayNonce.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.EffectiveBaseAddress, _apiPath))
        {
            Content = new ByteArrayContent(_body)
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-LINE-ChannelId", _options.ChannelId);
        request.Headers.Add("X-LINE-Authorization-Nonce", nonce);
        request.Headers.Add("X-LINE-Authorization", LinePaySignature.ComputeUtf8(_options.ChannelSecret, _apiPath, _body, nonce));

        using var timeout = new CancellationTokenSource(_timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        return await LinePayAnswer.ReadReturnCodeAsync(response, timeout.Token);
    }
}
