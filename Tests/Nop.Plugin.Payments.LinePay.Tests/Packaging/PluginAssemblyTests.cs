using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Versioning;

namespace Nop.Plugin.Payments.LinePay.Tests.Packaging;

[TestFixture]
public class PluginAssemblyTests
{
    private MetadataReader _metadata;
    private PEReader _pe;

    [OneTimeSetUp]
    public void ReadPackagedAssembly()
    {
        using var zip = ZipFile.OpenRead(PluginFiles.Package);
        using var stream = zip.GetEntry($"{LinePayDefaults.SystemName}/Nop.Plugin.Payments.LinePay.dll")!.Open();
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        _pe = new PEReader(copy);
        _metadata = _pe.GetMetadataReader();
    }

    [OneTimeTearDown]
    public void Close() => _pe.Dispose();

    [Test]
    public void ReferencesNopCommerceAssembliesOfVersion4900()
    {
        // The store binds Nop.* by name; a reference above 4.90.0.0 would not load there.
        var nop = _metadata.AssemblyReferences.Select(h => _metadata.GetAssemblyReference(h))
            .Where(r => _metadata.GetString(r.Name).StartsWith("Nop.", StringComparison.Ordinal))
            .ToList();

        Assert.That(nop, Is.Not.Empty);
        Assert.That(nop.Select(r => r.Version), Is.All.EqualTo(new Version(4, 90, 0, 0)));
    }

    [Test]
    public void TargetsNet90()
    {
        var frameworks = _metadata.GetAssemblyDefinition().GetCustomAttributes()
            .Select(h => _metadata.GetCustomAttribute(h))
            .Where(a => AttributeTypeName(a) == typeof(TargetFrameworkAttribute).FullName)
            .Select(a => a.DecodeValue(new StringOnlyDecoder()).FixedArguments[0].Value as string);

        Assert.That(frameworks, Is.EqualTo(new[] { ".NETCoreApp,Version=v9.0" }));
    }

    private string AttributeTypeName(CustomAttribute attribute)
    {
        var constructor = (MemberReferenceHandle)attribute.Constructor;
        var type = _metadata.GetTypeReference((TypeReferenceHandle)_metadata.GetMemberReference(constructor).Parent);
        return $"{_metadata.GetString(type.Namespace)}.{_metadata.GetString(type.Name)}";
    }

    private sealed class StringOnlyDecoder : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : typeof(object);
        public Type GetSystemType() => typeof(Type);
        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
        public Type GetTypeFromSerializedName(string name) => Type.GetType(name);
        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
