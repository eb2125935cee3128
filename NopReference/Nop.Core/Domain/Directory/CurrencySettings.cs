// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
using Nop.Core.Configuration;

namespace Nop.Core.Domain.Directory;

public partial class CurrencySettings : ISettings
{
    public int PrimaryStoreCurrencyId { get; set; }
}
