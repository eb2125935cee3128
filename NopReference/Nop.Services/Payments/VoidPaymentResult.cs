// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

public partial class VoidPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
