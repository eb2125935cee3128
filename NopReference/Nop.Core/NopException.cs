// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core;

public partial class NopException : Exception
{
    public NopException()
    {
    }

    public NopException(string message) : base(message)
    {
    }

    public NopException(string message, Exception inner) : base(message, inner)
    {
    }
}
