using Moq;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Events;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// An IOrderProcessingService mock whose members follow nopCommerce 4.90.3's OrderProcessingService: the same guards,
/// the same status changes, saves and notes (events and e-mails aside)
/// </summary>
public partial class NopOrderProcessingRules
{
    private readonly NopStore _store;

    public Mock<IOrderProcessingService> Service { get; } = new(MockBehavior.Strict);

    /// <summary>When set, the next MarkOrderAsPaidAsync throws before it changes anything, as a server that dies there</summary>
    public bool FailNextMarkAsPaid { get; set; }

    public NopOrderProcessingRules(NopStore store)
    {
        _store = store;

        Service.Setup(s => s.CanMarkOrderAsPaid(It.IsAny<Order>())).Returns((Order order) => CanMarkOrderAsPaid(order));
        Service.Setup(s => s.MarkOrderAsPaidAsync(It.IsAny<Order>())).Returns((Order order) => MarkOrderAsPaidAsync(order));
        Service.Setup(s => s.CanMarkOrderAsAuthorized(It.IsAny<Order>())).Returns((Order order) => CanMarkOrderAsAuthorized(order));
        Service.Setup(s => s.MarkAsAuthorizedAsync(It.IsAny<Order>())).Returns((Order order) => MarkAsAuthorizedAsync(order));
        Service.Setup(s => s.CanCancelOrder(It.IsAny<Order>())).Returns((Order order) => order.OrderStatus != OrderStatus.Cancelled);
        Service.Setup(s => s.CancelOrderAsync(It.IsAny<Order>(), It.IsAny<bool>()))
            .Returns((Order order, bool _) => CancelOrderAsync(order));
        Service.Setup(s => s.DeleteOrderAsync(It.IsAny<Order>())).Returns((Order order) => DeleteOrderAsync(order));
        Service.Setup(s => s.VoidOfflineAsync(It.IsAny<Order>())).Returns((Order order) => VoidOfflineAsync(order));
        Service.Setup(s => s.RefundOfflineAsync(It.IsAny<Order>())).Returns((Order order) => RefundOfflineAsync(order));
        Service.Setup(s => s.PartiallyRefundOfflineAsync(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => PartiallyRefundOfflineAsync(order, amount));
        Service.Setup(s => s.CanVoidOffline(It.IsAny<Order>()))
            .Returns((Order order) => order.OrderTotal != decimal.Zero && order.PaymentStatus == PaymentStatus.Authorized);
        Service.Setup(s => s.CanRefundOffline(It.IsAny<Order>()))
            .Returns((Order order) => order.OrderTotal != decimal.Zero && order.RefundedAmount <= decimal.Zero
                && order.PaymentStatus == PaymentStatus.Paid);
        Service.Setup(s => s.CanPartiallyRefundOffline(It.IsAny<Order>(), It.IsAny<decimal>()))
            .Returns((Order order, decimal amount) => CanPartiallyRefundOffline(order, amount));
        SetUpRecurringPayments();
    }

    public static bool CanMarkOrderAsPaid(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        return order.OrderStatus != OrderStatus.Cancelled
            && order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Refunded or PaymentStatus.Voided);
    }

    public static bool CanMarkOrderAsAuthorized(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        return order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending;
    }

    private static bool CanPartiallyRefundOffline(Order order, decimal amountToRefund)
    {
        if (order.OrderTotal == decimal.Zero)
            return false;

        var canBeRefunded = order.OrderTotal - order.RefundedAmount;
        if (canBeRefunded <= decimal.Zero || amountToRefund > canBeRefunded)
            return false;

        return order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded;
    }

    private async Task MarkOrderAsPaidAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (FailNextMarkAsPaid)
        {
            FailNextMarkAsPaid = false;
            throw new IOException("The server died before the order was marked as paid.");
        }
        if (!CanMarkOrderAsPaid(order))
            throw new NopException("You can't mark this order as paid");

        order.PaymentStatusId = (int)PaymentStatus.Paid;
        order.PaidDateUtc = DateTime.UtcNow;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.AddNoteAsync(order, "Order has been marked as paid");
        await CheckOrderStatusAsync(order);
    }

    // the order's part of CancelOrderAsync (stock, reward points, gift cards and messages aside), with the event
    // SetOrderStatusAsync publishes between saving the status and the notes
    private async Task CancelOrderAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.OrderStatus == OrderStatus.Cancelled)
            throw new NopException("Cannot do cancel for order.");

        var previous = order.OrderStatus;
        order.OrderStatusId = (int)OrderStatus.Cancelled;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.PublishAsync(new OrderStatusChangedEvent(order, previous));
        await _store.AddNoteAsync(order, $"Order status has been changed to {OrderStatus.Cancelled}");
        await _store.AddNoteAsync(order, "Order has been cancelled");
        await CancelRecurringPaymentsOfAsync(order);
    }

    // DeleteOrderAsync: a note, then the soft delete of the repository, which publishes EntityDeletedEvent
    private async Task DeleteOrderAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        await _store.AddNoteAsync(order, "Order has been deleted");
        if (order.OrderStatus != OrderStatus.Cancelled)
            await CancelRecurringPaymentsOfAsync(order);
        order.Deleted = true;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.PublishAsync(new EntityDeletedEvent<Order>(order));
    }

    private async Task VoidOfflineAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Service.Object.CanVoidOffline(order))
            throw new NopException("You can't void this order");

        order.PaymentStatusId = (int)PaymentStatus.Voided;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.AddNoteAsync(order, "Order has been marked as voided");
    }

    private async Task RefundOfflineAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!Service.Object.CanRefundOffline(order))
            throw new NopException("You can't refund this order");

        var amountToRefund = order.OrderTotal;
        order.RefundedAmount += amountToRefund;
        order.PaymentStatus = PaymentStatus.Refunded;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.AddNoteAsync(order, $"Order has been marked as refunded. Amount = {amountToRefund}");
    }

    private async Task PartiallyRefundOfflineAsync(Order order, decimal amountToRefund)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!CanPartiallyRefundOffline(order, amountToRefund))
            throw new NopException("You can't partially refund (offline) this order");

        order.RefundedAmount += amountToRefund;
        order.PaymentStatus = order.OrderTotal == order.RefundedAmount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.AddNoteAsync(order, $"Order has been marked as partially refunded. Amount = {amountToRefund}");
    }

    // 4.90 does not check CanMarkOrderAsAuthorized here: callers must
    private async Task MarkAsAuthorizedAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        order.PaymentStatusId = (int)PaymentStatus.Authorized;
        await _store.OrderService.Object.UpdateOrderAsync(order);
        await _store.AddNoteAsync(order, "Order has been marked as authorized");
        await CheckOrderStatusAsync(order);
    }

    // the part of CheckAndSaveOrderStatusAsync a payment changes: a pending order moves to processing once authorized or paid
    private async Task CheckOrderStatusAsync(Order order)
    {
        if (order.OrderStatus == OrderStatus.Pending && order.PaymentStatus is PaymentStatus.Authorized or PaymentStatus.Paid)
        {
            order.OrderStatusId = (int)OrderStatus.Processing;
            await _store.OrderService.Object.UpdateOrderAsync(order);
            await _store.AddNoteAsync(order, $"Order status has been changed to {OrderStatus.Processing}");
        }
    }
}
