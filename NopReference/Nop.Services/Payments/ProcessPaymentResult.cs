// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class ProcessPaymentResult : BaseNopResult
{
    public string AuthorizationTransactionId { get; set; }

    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    public string AuthorizationTransactionResult { get; set; }

    public string SubscriptionTransactionId { get; set; }

    public bool RecurringPaymentFailed { get; set; }

    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
