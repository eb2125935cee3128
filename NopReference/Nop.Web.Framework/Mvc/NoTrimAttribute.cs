// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Mvc;

[AttributeUsage(AttributeTargets.Property)]
public sealed class NoTrimAttribute : Attribute;
