using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// The floor of a LINE Pay call: the body bytes, nonce and signature the client would send, built once beforehand, so
/// that sending costs only the HTTP request itself and what any caller must do with the answer: read its body, parse
/// LINE Pay's JSON envelope and check its return code
/// </summary>
public sealed class PreparedCall
{
    private readonly Uri _uri;
    private readonly byte[] _body;
    private readonly string _channelId;
    private readonly string _nonce;
    private readonly string _signature;

    private PreparedCall(LinePayClientOptions options, string apiPath, byte[] body)
    {
        _uri = new Uri(options.EffectiveBaseAddress, apiPath);
        _body = body;
        _channelId = options.ChannelId;
        _nonce = Guid.NewGuid().ToString();
        _signature = LinePaySignature.ComputeUtf8(options.ChannelSecret, apiPath, body, _nonce);
    }

    public static PreparedCall Request(LinePayClientOptions options, PaymentRequest request) =>
        new(options, new LinePayApiPaths(options.ApiVersion).Request, LinePayJson.SerializeToUtf8Bytes(request, request.Currency));

    public static PreparedCall Confirm(LinePayClientOptions options, long transactionId, decimal amount, string currency) =>
        new(options, new LinePayApiPaths(options.ApiVersion).Confirm(transactionId),
            LinePayJson.SerializeToUtf8Bytes(new AmountRequest { Amount = amount, Currency = currency }, currency));

    /// <summary>Sends the prepared bytes and returns the answer's return code, which must be 0000</summary>
    public async Task<string> SendAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TryAddWithoutValidation("X-LINE-ChannelId", _channelId);
        request.Headers.TryAddWithoutValidation("X-LINE-Authorization-Nonce", _nonce);
        request.Headers.TryAddWithoutValidation("X-LINE-Authorization", _signature);

        using var response = await http.SendAsync(request);
        return await LinePayAnswer.ReadReturnCodeAsync(response);
    }
}
