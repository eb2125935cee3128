using System.Net;
using System.Text;
using System.Text.Json;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// What any caller must do with LINE Pay's answer: read its body, parse the envelope and check the return code
/// </summary>
public static class LinePayAnswer
{
    /// <returns>The return code, which must be 0000</returns>
    public static async Task<string> ReadReturnCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"LINE Pay answered HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");

        using var envelope = JsonDocument.Parse(body);
        var returnCode = envelope.RootElement.GetProperty("returnCode").GetString();
        return returnCode == "0000"
            ? returnCode
            : throw new InvalidOperationException($"LINE Pay refused the call: {Encoding.UTF8.GetString(body)}");
    }
}
