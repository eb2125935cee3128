// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Orders;
using Nop.Services.Payments;

namespace Nop.Services.Orders;

public partial interface IOrderProcessingService
{
    bool CanCancelOrder(Order order);

    Task CancelOrderAsync(Order order, bool notifyCustomer);

    bool CanMarkOrderAsAuthorized(Order order);

    Task MarkAsAuthorizedAsync(Order order);

    bool CanMarkOrderAsPaid(Order order);

    Task MarkOrderAsPaidAsync(Order order);

    bool CanRefundOffline(Order order);

    Task RefundOfflineAsync(Order order);

    bool CanPartiallyRefundOffline(Order order, decimal amountToRefund);

    Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund);

    bool CanVoidOffline(Order order);

    Task VoidOfflineAsync(Order order);

    Task DeleteOrderAsync(Order order);

    Task<IEnumerable<string>> ProcessNextRecurringPaymentAsync(RecurringPayment recurringPayment, ProcessPaymentResult paymentResult = null);

    Task<IList<string>> CancelRecurringPaymentAsync(RecurringPayment recurringPayment);

    Task<DateTime?> GetNextPaymentDateAsync(RecurringPayment recurringPayment);
}
