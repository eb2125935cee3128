using System.IO.Compression;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.LinePay.Tests.Packaging;

[TestFixture]
public class PluginDescriptorTests
{
    private JObject _descriptor;

    [OneTimeSetUp]
    public void ReadDescriptor()
    {
        _descriptor = JObject.Parse(File.ReadAllText(PluginFiles.InRoot("plugin.json")));
    }

    [Test]
    public void DescribesAPaymentMethodForNopCommerce490()
    {
        Assert.Multiple(() =>
        {
            Assert.That((string)_descriptor["Group"], Is.EqualTo("Payment methods"));
            Assert.That((string)_descriptor["FriendlyName"], Is.EqualTo("LINE Pay"));
            Assert.That((string)_descriptor["SystemName"], Is.EqualTo(LinePayDefaults.SystemName));
            Assert.That((string)_descriptor["Version"], Is.EqualTo("1.20"));
            Assert.That(_descriptor["SupportedVersions"]!.Values<string>(), Does.Contain("4.90"));
            Assert.That((string)_descriptor["Author"], Is.Not.Empty);
            Assert.That(_descriptor["DisplayOrder"]!.Type, Is.EqualTo(JTokenType.Integer));
            Assert.That((string)_descriptor["Description"], Is.Not.Empty);
        });
    }

    [Test]
    public void FileNameNamesTheBuiltAssembly()
    {
        Assert.That((string)_descriptor["FileName"], Is.EqualTo(typeof(LinePayDefaults).Assembly.GetName().Name + ".dll"));
    }

    [Test]
    public void PackagedDescriptorIsTheSourceOne()
    {
        using var zip = ZipFile.OpenRead(PluginFiles.Package);
        using var reader = new StreamReader(zip.GetEntry($"{LinePayDefaults.SystemName}/plugin.json")!.Open());

        Assert.That(JToken.DeepEquals(JObject.Parse(reader.ReadToEnd()), _descriptor), Is.True);
    }

    [Test]
    public void LogoIsAPngImage()
    {
        var bytes = File.ReadAllBytes(PluginFiles.InRoot("logo.png"));
        var signature = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        Assert.That(bytes.Take(8), Is.EqualTo(signature));
        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.That((width, height), Is.EqualTo((300, 300)));
    }
}
