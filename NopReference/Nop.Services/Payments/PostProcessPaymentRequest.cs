// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

public partial class PostProcessPaymentRequest
{
    public Order Order { get; set; }
}
