// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Payments;

public partial class ProcessPaymentRequest
{
    public int StoreId { get; set; }

    public Guid OrderGuid { get; set; }

    public decimal OrderTotal { get; set; }
}
