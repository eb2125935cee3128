// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Payments;

public enum PaymentMethodType
{
    Standard = 10,
    Redirection = 15,
    Button = 20
}
