// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services;

public abstract partial class BaseNopResult
{
    public bool Success => !Errors.Any();

    public virtual void AddError(string error)
    {
        Errors.Add(error);
    }

    public IList<string> Errors { get; set; } = new List<string>();
}
