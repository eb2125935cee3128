// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Models;

public partial record BaseNopEntityModel : BaseNopModel
{
    public virtual int Id { get; set; }
}
