using System.Reflection;

namespace Nop.Plugin.Payments.LinePay.Tests;

/// <summary>
/// Where the plugin's sources and its installable zip are, as the build recorded them
/// </summary>
public static class PluginFiles
{
    public static string Root => Metadata("PluginRoot");

    public static string Package => Metadata("PluginPackage");

    public static string InRoot(string relativePath) => Path.Combine(Root, relativePath);

    private static string Metadata(string key) =>
        typeof(PluginFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;
}
