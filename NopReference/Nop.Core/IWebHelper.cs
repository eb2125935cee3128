// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core;

public partial interface IWebHelper
{
    string GetStoreLocation(bool? useSsl = null);
}
