using System.Net;
using System.Text.Json;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// An answer of the LINE Pay API as received: HTTP status, raw body and, for JSON bodies, the envelope's fields
/// </summary>
public sealed class ApiAnswer
{
    public ApiAnswer(HttpStatusCode statusCode, string contentType, string body)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        if (contentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
            Json = JsonDocument.Parse(body).RootElement.Clone();
    }

    public HttpStatusCode StatusCode { get; }

    public string ContentType { get; }

    /// <summary>The body exactly as it came over the wire</summary>
    public string Body { get; }

    public JsonElement Json { get; }

    public string ReturnCode => Json.GetProperty("returnCode").GetString()!;

    public string ReturnMessage => Json.GetProperty("returnMessage").GetString()!;

    public bool HasInfo => Json.TryGetProperty("info", out _);

    public JsonElement Info => Json.GetProperty("info");

    public override string ToString() => $"HTTP {(int)StatusCode} {Body}";
}
