// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Security;

public partial class StandardPermission
{
    public partial class Configuration
    {
        public const string MANAGE_PAYMENT_METHODS = "Configuration.ManagePaymentMethods";
    }

    public partial class Orders
    {
        public const string ORDERS_CREATE_EDIT_DELETE = "Orders.OrdersCreateEditDelete";

        public const string ORDERS_VIEW = "Orders.OrdersView";
    }
}
