namespace Nop.Plugin.Payments.LinePay;

/// <summary>
/// Constants of the LINE Pay plugin
/// </summary>
public static class LinePayDefaults
{
    /// <summary>
    /// Gets the plugin system name (also the name of its folder under ~/Plugins)
    /// </summary>
    public static string SystemName => "Payments.LinePay";
}
