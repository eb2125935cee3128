// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Stores;

public partial class Store : BaseEntity
{
    public string Name { get; set; }
}
