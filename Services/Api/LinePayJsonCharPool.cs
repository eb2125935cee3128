using System.Buffers;
using Newtonsoft.Json;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Lends Newtonsoft's readers and writers their character buffers from the shared pool: without one, every answer read
/// allocated a new 2 KB buffer
/// </summary>
internal sealed class LinePayJsonCharPool : IArrayPool<char>
{
    public static readonly LinePayJsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[] array) => ArrayPool<char>.Shared.Return(array);
}
