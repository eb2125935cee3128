// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Payments;

public enum RecurringPaymentType
{
    NotSupported = 0,
    Manual = 10,
    Automatic = 20
}
