// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Orders;

public enum OrderStatus
{
    Pending = 10,
    Processing = 20,
    Complete = 30,
    Cancelled = 40
}
