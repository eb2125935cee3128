using System.IO.Compression;

namespace Nop.Plugin.Payments.LinePay.Tests.Packaging;

[TestFixture]
public class PluginPackageTests
{
    private const string Root = "Payments.LinePay/";
    private List<string> _entries;

    [OneTimeSetUp]
    public void ReadPackage()
    {
        Assert.That(File.Exists(PluginFiles.Package), Is.True, $"the build did not write {PluginFiles.Package}");
        using var zip = ZipFile.OpenRead(PluginFiles.Package);
        _entries = zip.Entries.Select(e => e.FullName).ToList();
    }

    [Test]
    public void EveryEntrySitsUnderTheOneRootFolderNamedAfterTheSystemName()
    {
        // nopCommerce's upload takes entry.FullName.Split('/')[0] as the plugin folder and refuses more than one.
        Assert.That(_entries.Select(e => e.Split('/')[0]).Distinct(), Is.EqualTo(new[] { LinePayDefaults.SystemName }));
        Assert.That(_entries, Has.None.Contains("\\"));
    }

    [TestCase("Nop.Plugin.Payments.LinePay.dll")]
    [TestCase("plugin.json")]
    [TestCase("logo.png")]
    [TestCase("Views/_ViewImports.cshtml")]
    [TestCase("Views/Configure.cshtml")]
    [TestCase("Views/PaymentInfo.cshtml")]
    [TestCase("Localization/en-US.xml")]
    [TestCase("Localization/zh-TW.xml")]
    [TestCase("Localization/th-TH.xml")]
    public void HoldsThePluginFile(string path)
    {
        Assert.That(_entries, Does.Contain(Root + path));
    }

    [Test]
    public void ShipsEveryViewAndResourceFileOfTheSources()
    {
        var sources = Directory.GetFiles(PluginFiles.InRoot("Views"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(PluginFiles.InRoot("Localization"), "*.xml", SearchOption.AllDirectories))
            .Select(f => Root + Path.GetRelativePath(PluginFiles.Root, f).Replace(Path.DirectorySeparatorChar, '/'));

        Assert.That(_entries, Is.SupersetOf(sources));
    }

    [Test]
    public void ShipsNoAssemblyButThePluginItself()
    {
        // The store already has Nop.*, Newtonsoft.Json and the rest; a second copy is ignored or reported as a collision.
        var assemblies = _entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));

        Assert.That(assemblies, Is.EqualTo(new[] { Root + "Nop.Plugin.Payments.LinePay.dll" }));
    }
}
