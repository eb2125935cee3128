using System.Buffers;
using System.Text;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Reads an answer's body up to a size limit, into pooled buffers
/// </summary>
internal static class LinePayResponseBody
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>
    /// Reads the body as text (JSON is UTF-8)
    /// </summary>
    /// <returns>The text, or null when the body is longer than <paramref name="maxSize"/> bytes (the rest is not read)</returns>
    public static async Task<string> ReadAsync(HttpContent content, int maxSize, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxSize)
            return null;

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? FirstBufferSize, maxSize + 1L));
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxSize + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;

                length += read;
                if (length > maxSize)
                    return null;
            }

            var text = buffer.AsSpan(0, length);
            return Encoding.UTF8.GetString(text.StartsWith(Encoding.UTF8.Preamble) ? text[Encoding.UTF8.Preamble.Length..] : text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
