// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework;

public static partial class AreaNames
{
    public const string ADMIN = "Admin";
}
