// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Plugins;

public partial class PluginDescriptorBaseInfo
{
    public virtual string SystemName { get; set; }
}
