using System.Buffers;
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
    public static string Compute(string channelSecret, string apiPath, string bodyOrQuery, string nonce) =>
        ComputeUtf8(channelSecret, apiPath, Encoding.UTF8.GetBytes(bodyOrQuery ?? string.Empty), nonce);

    /// <summary>
    /// Computes Base64(HMAC-SHA256(secret, secret + apiPath + bodyOrQuery + nonce)) over the bytes that are sent
    /// </summary>
    /// <param name="bodyOrQuery">POST: the exact body bytes sent (empty when there is none); GET: the UTF-8 bytes of the encoded query string without '?'</param>
    public static string ComputeUtf8(string channelSecret, string apiPath, ReadOnlySpan<byte> bodyOrQuery, string nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        ArgumentException.ThrowIfNullOrEmpty(apiPath);
        ArgumentException.ThrowIfNullOrEmpty(nonce);

        //the message starts with the secret, which is also the key: one buffer holds both
        var utf8 = Encoding.UTF8;
        var keyLength = utf8.GetByteCount(channelSecret);
        var length = keyLength + utf8.GetByteCount(apiPath) + bodyOrQuery.Length + utf8.GetByteCount(nonce);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = utf8.GetBytes(channelSecret, buffer);
            written += utf8.GetBytes(apiPath, buffer.AsSpan(written));
            bodyOrQuery.CopyTo(buffer.AsSpan(written));
            written += bodyOrQuery.Length;
            utf8.GetBytes(nonce, buffer.AsSpan(written));

            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(buffer.AsSpan(0, keyLength), buffer.AsSpan(0, length), hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            //the pool is shared with the whole store: leave no copy of the secret in it
            CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
