// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Models;

public partial interface ILocalizedLocaleModel
{
    int LanguageId { get; set; }
}
