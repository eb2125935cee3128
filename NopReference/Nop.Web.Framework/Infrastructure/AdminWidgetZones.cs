// Compile-time stand-in for nopCommerce 4.90 (Nop.Web.Framework); never shipped.
namespace Nop.Web.Framework.Infrastructure;

public static partial class AdminWidgetZones
{
    public static string OrderDetailsBlock => "admin_order_details_block";
}
