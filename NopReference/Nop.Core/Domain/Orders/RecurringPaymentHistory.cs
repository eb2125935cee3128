// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Orders;

public partial class RecurringPaymentHistory : BaseEntity
{
    public int RecurringPaymentId { get; set; }

    public int OrderId { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}
