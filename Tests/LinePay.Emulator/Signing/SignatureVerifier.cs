using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LinePay.Emulator.Api;

namespace LinePay.Emulator.Signing;

/// <summary>
/// Checks X-LINE-ChannelId and X-LINE-Authorization as LINE Pay does: Base64(HMAC-SHA256(secret,
/// secret + apiPath + body-or-query + nonce)), UTF-8, the query without its leading '?', the body byte for byte
/// </summary>
public sealed class SignatureVerifier(EmulatorSettings settings)
{
    public const string ChannelIdHeader = "X-LINE-ChannelId";
    public const string NonceHeader = "X-LINE-Authorization-Nonce";
    public const string AuthorizationHeader = "X-LINE-Authorization";

    private readonly ConcurrentDictionary<string, byte> _seenNonces = new(StringComparer.Ordinal);

    /// <summary>Null when the call is authentic, otherwise the error to answer</summary>
    public ApiResponse? Verify(IHeaderDictionary headers, string method, string apiPath, string rawQuery, byte[] body)
    {
        var channelId = headers[ChannelIdHeader].ToString();
        if (channelId.Length == 0)
            return HeaderError("X-LINE-ChannelId is required header.");
        if (!channelId.All(char.IsAsciiDigit))
            return HeaderError("X-LINE-ChannelId data is invalid.");
        if (channelId != settings.ChannelId)
            return ApiResponse.Error(settings.UnknownChannelReturnCode,
                settings.UnknownChannelReturnCode == ReturnCodes.HeaderError
                    ? "Header information error. X-LINE-ChannelId data is invalid."
                    : null);

        var nonce = headers[NonceHeader].ToString();
        if (nonce.Length == 0)
            return HeaderError("nonce is required header.");

        var signature = headers[AuthorizationHeader].ToString();
        if (signature.Length == 0)
            return HeaderError("authorization is required header.");

        var payload = HttpMethods.IsGet(method) ? Encoding.UTF8.GetBytes(rawQuery) : body;
        var valid = Matches(signature, apiPath, payload, nonce)
            || (HttpMethods.IsGet(method) && settings.AcceptGetSignedWithoutQuery && Matches(signature, apiPath, [], nonce));
        if (!valid)
            return ApiResponse.Error(settings.WrongSignatureReturnCode,
                settings.WrongSignatureReturnCode == ReturnCodes.HeaderError
                    ? "Header information error. request verification Failed"
                    : null);

        if (settings.RejectReusedNonce && !_seenNonces.TryAdd(nonce, 0))
            return HeaderError("nonce has already been used.");

        return null;
    }

    /// <summary>The expected X-LINE-Authorization value</summary>
    public static string Compute(string channelSecret, string apiPath, ReadOnlySpan<byte> payload, string nonce)
    {
        var prefix = Encoding.UTF8.GetBytes(channelSecret + apiPath);
        var suffix = Encoding.UTF8.GetBytes(nonce);
        var message = new byte[prefix.Length + payload.Length + suffix.Length];
        prefix.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(prefix.Length));
        suffix.CopyTo(message, prefix.Length + payload.Length);

        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), message));
    }

    private bool Matches(string signature, string apiPath, ReadOnlySpan<byte> payload, string nonce)
    {
        var expected = Encoding.ASCII.GetBytes(Compute(settings.ChannelSecret, apiPath, payload, nonce));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(signature));
    }

    private static ApiResponse HeaderError(string detail) =>
        ApiResponse.Error(ReturnCodes.HeaderError, "Header information error. " + detail);
}
