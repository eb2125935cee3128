// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Orders;

public partial class OrderStatusChangedEvent
{
    public OrderStatusChangedEvent(Order order, OrderStatus previousOrderStatus)
    {
        Order = order;
        PreviousOrderStatus = previousOrderStatus;
    }

    public Order Order { get; }

    public OrderStatus PreviousOrderStatus { get; set; }
}
