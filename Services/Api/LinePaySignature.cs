using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Computes the X-LINE-Authorization header of LINE Pay's Online API v3/v4
/// </summary>
public static class LinePaySignature
{
    /// <summary>
    /// Computes Base64(HMAC-SHA256(secret, secret + apiPath + bodyOrQuery + nonce)), all UTF-8
    /// </summary>
    /// <param name="channelSecret">Channel secret key</param>
    /// <param name="apiPath">Path with version and without host or query, e.g. /v3/payments/request</param>
    /// <param name="bodyOrQuery">POST: the exact body sent (empty string when there is none); GET: the exact encoded query string without '?'</param>
    /// <param name="nonce">The nonce sent in X-LINE-Authorization-Nonce</param>
    public static string Compute(string channelSecret, string apiPath, string bodyOrQuery, string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        ArgumentException.ThrowIfNullOrEmpty(apiPath);
        ArgumentException.ThrowIfNullOrEmpty(nonce);

        var key = Encoding.UTF8.GetBytes(channelSecret);
        var message = Encoding.UTF8.GetBytes(channelSecret + apiPath + (bodyOrQuery ?? string.Empty) + nonce);

        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }
}
