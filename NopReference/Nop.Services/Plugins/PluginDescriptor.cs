// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Plugins;

public partial class PluginDescriptor : PluginDescriptorBaseInfo
{
    public virtual string OriginalAssemblyFile { get; set; }
}
