using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// Raw HTTP to a LINE Pay endpoint with the test's own request signing, so that tests control every byte: the body
/// sent, the nonce, the signature and the headers
/// </summary>
public sealed class LinePayTestClient(Uri baseAddress, string channelId, string channelSecret) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress
    };

    public string ChannelId { get; } = channelId;

    /// <summary>Base64(HMAC-SHA256(secret, secret + apiPath + payload + nonce)) over UTF-8</summary>
    public static string Sign(string channelSecret, string apiPath, string payload, string nonce)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(channelSecret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(channelSecret + apiPath + payload + nonce)));
    }

    public Task<ApiAnswer> PostAsync(string apiPath, JsonNode body, CancellationToken cancellationToken = default) =>
        PostAsync(apiPath, body.ToJsonString(), cancellationToken);

    public Task<ApiAnswer> PostAsync(string apiPath, string body, CancellationToken cancellationToken = default) =>
        SendAsync(new SignedCall(HttpMethod.Post, apiPath, Body: body), cancellationToken);

    /// <param name="query">the query string without '?'</param>
    public Task<ApiAnswer> GetAsync(string apiPath, string query = "", CancellationToken cancellationToken = default) =>
        SendAsync(new SignedCall(HttpMethod.Get, apiPath, Query: query), cancellationToken);

    public async Task<ApiAnswer> SendAsync(SignedCall call, CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(call, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Sends and returns the response unread (for faults that answer HTML or drop the connection)</summary>
    public Task<HttpResponseMessage> SendRawAsync(SignedCall call, CancellationToken cancellationToken = default)
    {
        var nonce = call.Nonce ?? Guid.NewGuid().ToString();
        var payload = call.Method == HttpMethod.Get ? call.Query : call.Body ?? string.Empty;
        var signature = call.Signature ?? Sign(channelSecret, call.ApiPath, payload, nonce);

        var url = call.Query.Length > 0 ? $"{call.ApiPath.TrimStart('/')}?{call.Query}" : call.ApiPath.TrimStart('/');
        var request = new HttpRequestMessage(call.Method, url);
        if (call.Method != HttpMethod.Get)
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(call.Body ?? string.Empty))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" } }
            };

        var headers = new Dictionary<string, string>
        {
            ["X-LINE-ChannelId"] = call.ChannelId ?? ChannelId,
            ["X-LINE-Authorization-Nonce"] = nonce,
            ["X-LINE-Authorization"] = signature
        };
        foreach (var omitted in call.OmitHeaders)
            headers.Remove(omitted);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);

        return _http.SendAsync(request, cancellationToken);
    }

    // Shortcuts for the usual flow; each returns the answer so tests can assert on it.

    public async Task<long> RequestAsync(JsonObject body, int version = 3)
    {
        var answer = await PostAsync($"/v{version}/payments/request", body);
        if (answer.ReturnCode != "0000")
            throw new InvalidOperationException($"Request failed: {answer}");

        return answer.Info.GetProperty("transactionId").GetInt64();
    }

    public Task<ApiAnswer> ConfirmAsync(long transactionId, string amount, string currency = "TWD", int version = 3) =>
        PostAsync($"/v{version}/payments/{transactionId}/confirm", $$"""{"amount":{{amount}},"currency":"{{currency}}"}""");

    public Task<ApiAnswer> CaptureAsync(long transactionId, string amount, string currency = "TWD", int version = 3) =>
        PostAsync($"/v{version}/payments/authorizations/{transactionId}/capture",
            $$"""{"amount":{{amount}},"currency":"{{currency}}"}""");

    public Task<ApiAnswer> VoidAsync(long transactionId, int version = 3) =>
        PostAsync($"/v{version}/payments/authorizations/{transactionId}/void", string.Empty);

    /// <param name="refundAmount">null for a full refund (empty body)</param>
    public Task<ApiAnswer> RefundAsync(long transactionId, string refundAmount = null, int version = 3) =>
        PostAsync($"/v{version}/payments/{transactionId}/refund",
            refundAmount is null ? string.Empty : $$"""{"refundAmount":{{refundAmount}}}""");

    public Task<ApiAnswer> CheckAsync(long transactionId, int version = 3) =>
        GetAsync($"/v{version}/payments/requests/{transactionId}/check");

    public Task<ApiAnswer> DetailsAsync(string query, int version = 3) => GetAsync($"/v{version}/payments", query);

    public void Dispose() => _http.Dispose();
}
