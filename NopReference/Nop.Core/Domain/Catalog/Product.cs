// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Catalog;

public partial class Product : BaseEntity
{
    public string Name { get; set; }
}
