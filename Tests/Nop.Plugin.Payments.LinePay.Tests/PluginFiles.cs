using System.Reflection;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests;

/// <summary>
/// Where the plugin's sources and its installable zip are, as the build recorded them
/// </summary>
public static class PluginFiles
{
    public static string Root => Metadata("PluginRoot");

    public static string Package => Metadata("PluginPackage");

    public static string InRoot(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The language pack of a culture in the plugin's Localization folder, e.g. "zh-TW"</summary>
    public static string ResourceFile(string culture) => InRoot($"Localization/{culture}.xml");

    /// <summary>The resources of a culture's language pack, read as the plugin reads them when it installs</summary>
    public static IDictionary<string, string> Resources(string culture) =>
        LinePayLocaleResourceService.ReadResourceFile(ResourceFile(culture));

    private static string Metadata(string key) =>
        typeof(PluginFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
}
