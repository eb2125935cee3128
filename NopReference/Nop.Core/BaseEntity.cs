// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core;

public abstract partial class BaseEntity
{
    public int Id { get; set; }
}
