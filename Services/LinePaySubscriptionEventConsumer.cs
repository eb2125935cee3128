using Nop.Core.Domain.Orders;
using Nop.Core.Events;
using Nop.Services.Events;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Follows nopCommerce's recurring payments: the order placed for a charged cycle gets its LINE Pay record, and a
/// deleted recurring payment (nopCommerce deletes without asking the payment method) has its key expired by the
/// subscription task at its next run
/// </summary>
public class LinePaySubscriptionEventConsumer : IConsumer<OrderPlacedEvent>, IConsumer<EntityDeletedEvent<RecurringPayment>>
{
    protected readonly LinePaySubscriptionOrderService _subscriptionOrderService;
    protected readonly LinePaySubscriptionScheduleService _scheduleService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionEventConsumer(LinePaySubscriptionOrderService subscriptionOrderService,
        LinePaySubscriptionScheduleService scheduleService,
        LinePaySubscriptionService subscriptionService)
    {
        _subscriptionOrderService = subscriptionOrderService;
        _scheduleService = scheduleService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Handles a placed order: the order of a subscription's cycle gets its LINE Pay record, and the scheduled task
    /// looks at the subscription again (its next cycle, or its end after the last one)
    /// </summary>
    public async Task HandleEventAsync(OrderPlacedEvent eventMessage)
    {
        if (eventMessage?.Order is not { } order || !LinePayOrderIds.TryParseCycle(order.SubscriptionTransactionId, out _, out _)
            || await _subscriptionService.GetRecurringPaymentAsync(order) is not { } recurringPayment)
            return;

        await _subscriptionOrderService.RecordCycleOrderAsync(order, recurringPayment);
        await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow);
    }

    /// <summary>
    /// Handles a deleted recurring payment: its LINE Pay subscription's key is expired at the task's next run
    /// </summary>
    public async Task HandleEventAsync(EntityDeletedEvent<RecurringPayment> eventMessage)
    {
        if (eventMessage?.Entity is not { } recurringPayment || await _subscriptionService.GetAsync(recurringPayment.Id) is null)
            return;

        await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow);
    }
}
