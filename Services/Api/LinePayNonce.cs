using System.Security.Cryptography;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// The X-LINE-Authorization-Nonce of a call: a random version 4 UUID. Guid.NewGuid asks the kernel for 16 random bytes
/// on every call (a system call that cost more than signing the call); here each thread takes its random bytes from
/// the same cryptographic generator 64 UUIDs at a time.
/// </summary>
internal static class LinePayNonce
{
    private const int UuidLength = 16;
    private const int UuidsPerFill = 64;

    [ThreadStatic]
    private static byte[] _random;

    [ThreadStatic]
    private static int _next;

    public static string Create()
    {
        if (_random is null || _next == _random.Length)
        {
            _random ??= new byte[UuidLength * UuidsPerFill];
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }

        Span<byte> uuid = stackalloc byte[UuidLength];
        _random.AsSpan(_next, UuidLength).CopyTo(uuid);
        _next += UuidLength;

        //RFC 9562: version 4 in the high nibble of byte 6, variant 10xx in byte 8 (big-endian byte order)
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x40);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true).ToString();
    }
}
