// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class ProcessPaymentRequest
{
    public int StoreId { get; set; }

    public Guid OrderGuid { get; set; }

    public decimal OrderTotal { get; set; }

    public int CustomerId { get; set; }

    public Order InitialOrder { get; set; }

    public int RecurringCycleLength { get; set; }

    public RecurringProductCyclePeriod RecurringCyclePeriod { get; set; }

    public int RecurringTotalCycles { get; set; }
}
