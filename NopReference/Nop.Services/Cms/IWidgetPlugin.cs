// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Services.Plugins;

namespace Nop.Services.Cms;

public partial interface IWidgetPlugin : IPlugin
{
    bool HideInWidgetList { get; }

    Task<IList<string>> GetWidgetZonesAsync();

    Type GetWidgetViewComponent(string widgetZone);
}
