// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Directory;

public partial class Currency : BaseEntity
{
    public string Name { get; set; }

    public string CurrencyCode { get; set; }

    public decimal Rate { get; set; }
}
