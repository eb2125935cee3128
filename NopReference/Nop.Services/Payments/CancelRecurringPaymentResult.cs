// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Payments;

public partial class CancelRecurringPaymentResult : BaseNopResult;
