// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Http;

public static partial class NopRouteNames
{
    public static partial class General
    {
        public const string HOMEPAGE = "Homepage";
    }

    public static partial class Standard
    {
        public const string CHECKOUT_COMPLETED = "CheckoutCompleted";

        public const string ORDER_DETAILS = "OrderDetails";
    }
}
