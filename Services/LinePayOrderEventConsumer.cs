using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Configuration;
using Nop.Services.Events;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Puts a LINE Pay order that was cancelled or deleted at the head of the scheduled task's list, so that money LINE
/// Pay holds for it is given back (or reported) at the task's next run. Nothing more happens here: nopCommerce goes on
/// changing its own copy of the order after these events, and would write it over a change made meanwhile.
/// </summary>
public class LinePayOrderEventConsumer : IConsumer<OrderStatusChangedEvent>, IConsumer<EntityDeletedEvent<Order>>
{
    protected readonly ISettingService _settingService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentScheduleService _scheduleService;

    public LinePayOrderEventConsumer(ISettingService settingService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService)
    {
        _settingService = settingService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _scheduleService = scheduleService;
    }

    /// <summary>
    /// Handles an order whose status changed: a cancelled LINE Pay order is looked at now
    /// </summary>
    public Task HandleEventAsync(OrderStatusChangedEvent eventMessage) =>
        eventMessage?.Order?.OrderStatus == OrderStatus.Cancelled ? ScheduleNowAsync(eventMessage.Order, "cancelled") : Task.CompletedTask;

    /// <summary>
    /// Handles a deleted order: a LINE Pay order is looked at now
    /// </summary>
    public Task HandleEventAsync(EntityDeletedEvent<Order> eventMessage) =>
        eventMessage?.Entity is { } order ? ScheduleNowAsync(order, "deleted") : Task.CompletedTask;

    protected virtual async Task ScheduleNowAsync(Order order, string what)
    {
        if (!string.Equals(order.PaymentMethodSystemName, LinePayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return;

        var payment = await _orderPaymentService.GetAsync(order.Id);
        if (payment is null || !(LinePayPaymentStateMachine.IsOpen(payment.State) || LinePayPaymentStateMachine.MayHoldMoney(payment.State)))
            return;

        await _scheduleService.ScheduleAsync(order.Id, DateTime.UtcNow);
        if (!LinePayPaymentStateMachine.MayHoldMoney(payment.State))
            return;

        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        await _noteService.AddNoteAsync(order, $"the order was {what} while LINE Pay may hold money for it (transaction {payment.TransactionId}, {payment.State}). " +
            (settings.RefundPaymentsOfCancelledOrders
                ? $"The scheduled task \"{LinePayDefaults.ReconciliationTaskName}\" gives it back at its next run (setting \"Refund payments of cancelled orders\")."
                : $"The setting \"Refund payments of cancelled orders\" is off: the scheduled task \"{LinePayDefaults.ReconciliationTaskName}\" only reports it; refund it from the order page or in LINE Pay Merchant Center."));
    }
}
