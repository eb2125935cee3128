// Compile-time stand-in for nopCommerce 4.90 (Nop.Data); never shipped.
namespace Nop.Data.Mapping;

public partial class NopEntityDescriptor
{
    public string EntityName { get; set; }
}
