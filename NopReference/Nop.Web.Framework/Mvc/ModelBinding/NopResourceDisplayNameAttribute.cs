// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey) : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    public string Name => nameof(NopResourceDisplayNameAttribute);
}
