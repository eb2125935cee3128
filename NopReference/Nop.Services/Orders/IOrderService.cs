// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

public partial interface IOrderService
{
    Task<Order> GetOrderByIdAsync(int orderId);

    Task<Order> GetOrderByGuidAsync(Guid orderGuid);

    Task UpdateOrderAsync(Order order);

    Task<IList<OrderItem>> GetOrderItemsAsync(int orderId, bool? isNotReturnable = null, bool? isShipEnabled = null, int vendorId = 0);

    Task<IList<OrderNote>> GetOrderNotesByOrderIdAsync(int orderId, bool? displayToCustomer = null);

    Task InsertOrderNoteAsync(OrderNote orderNote);
}
