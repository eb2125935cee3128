// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Models;

public partial record BaseNopModel
{
    public BaseNopModel()
    {
        CustomProperties = new Dictionary<string, string>();
        PostInitialize();
    }

    protected virtual void PostInitialize()
    {
    }

    public Dictionary<string, string> CustomProperties { get; set; }
}
