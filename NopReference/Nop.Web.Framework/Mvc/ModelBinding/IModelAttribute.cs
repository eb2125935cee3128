// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Mvc.ModelBinding;

public partial interface IModelAttribute
{
    string Name { get; }
}
