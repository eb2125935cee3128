// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class CapturePaymentResult : BaseNopResult
{
    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
