using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Charges the due cycles of subscriptions paid with LINE Pay, through nopCommerce's ProcessNextRecurringPaymentAsync
/// (which places each cycle's order), and expires the keys of subscriptions that ended. Bounded like the
/// reconciliation task: each run reads only the subscriptions that are due (<see cref="LinePaySubscriptionScheduleService"/>),
/// at most <see cref="LinePayDefaults.SubscriptionBatchSize"/>, the most overdue first, and leaves the rest of a store's
/// subscriptions for the next run once LINE Pay cannot be reached.
/// </summary>
public class LinePaySubscriptionTask : IScheduleTask
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly LinePaySubscriptionKeyService _keyService;
    protected readonly LinePaySubscriptionLockService _lockService;
    protected readonly LinePaySubscriptionScheduleService _scheduleService;
    protected readonly LinePaySubscriptionService _subscriptionService;
    protected readonly LinePaySubscriptionSettlementService _settlementService;

    public LinePaySubscriptionTask(ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        LinePaySubscriptionKeyService keyService,
        LinePaySubscriptionLockService lockService,
        LinePaySubscriptionScheduleService scheduleService,
        LinePaySubscriptionService subscriptionService,
        LinePaySubscriptionSettlementService settlementService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _keyService = keyService;
        _lockService = lockService;
        _scheduleService = scheduleService;
        _subscriptionService = subscriptionService;
        _settlementService = settlementService;
    }

    /// <summary>
    /// Executes the task
    /// </summary>
    public virtual async Task ExecuteAsync()
    {
        var unreachableStores = new HashSet<int>();
        foreach (var due in await _scheduleService.GetDueAsync(DateTime.UtcNow, LinePayDefaults.SubscriptionBatchSize))
        {
            var recurringPayment = await _orderService.GetRecurringPaymentByIdAsync(due.EntityId);
            var initialOrder = recurringPayment is null ? null : await _orderService.GetOrderByIdAsync(recurringPayment.InitialOrderId);
            if (initialOrder is null)
            {
                await _scheduleService.UnscheduleAsync(due.EntityId);
                continue;
            }

            if (unreachableStores.Contains(initialOrder.StoreId))
                continue;

            try
            {
                if (!await VisitAsync(recurringPayment, initialOrder))
                    unreachableStores.Add(initialOrder.StoreId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //e.g. a store whose LINE Pay settings are incomplete: the other subscriptions are still charged
                await _logger.ErrorAsync($"LINE Pay: subscription {recurringPayment.Id} (store {initialOrder.StoreId}) could not be charged: {exception.Message}", exception);
                await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));
            }
        }
    }

    // does what is due for the subscription; false when LINE Pay could not be reached
    protected virtual async Task<bool> VisitAsync(RecurringPayment recurringPayment, Order initialOrder)
    {
        var now = DateTime.UtcNow;
        var next = recurringPayment is { IsActive: true, Deleted: false } ? await _orderProcessingService.GetNextPaymentDateAsync(recurringPayment) : null;
        if (next is null)
            return await EndAsync(recurringPayment, initialOrder);

        if (next > now)
        {
            await _scheduleService.ScheduleAsync(recurringPayment.Id, next.Value);
            return true;
        }

        //a refused charge waits for the customer ("Retry last payment") or the admin; so does an order the customer is to pay
        if (recurringPayment.LastPaymentFailed
            || await _subscriptionService.GetAsync(recurringPayment.Id) is { } subscription && await _subscriptionService.GetWaitingOrderAsync(subscription) is not null)
        {
            await _scheduleService.ScheduleAsync(recurringPayment.Id, now.Add(LinePayDefaults.MerchantCenterCheckInterval));
            return true;
        }

        var errors = (await _orderProcessingService.ProcessNextRecurringPaymentAsync(recurringPayment)).ToList();
        if (errors.Count == 0)
        {
            await _scheduleService.ScheduleAsync(recurringPayment.Id, await _orderProcessingService.GetNextPaymentDateAsync(recurringPayment) ?? now);
            return true;
        }

        await _scheduleService.ScheduleAsync(recurringPayment.Id, now.Add(LinePayDefaults.SubscriptionRetryInterval));
        var last = (await _subscriptionService.GetAsync(recurringPayment.Id))?.Charges.LastOrDefault();

        return last is not { State: LinePayCycleState.Unknown, ReturnCode: null };
    }

    // the subscription ended (cancelled, deleted, every cycle charged): what LINE Pay took for a cycle without an order
    // is given back, and its key is expired at LINE Pay
    protected virtual async Task<bool> EndAsync(RecurringPayment recurringPayment, Order initialOrder)
    {
        var ended = await _lockService.RunAsync(recurringPayment, async (current, subscription) =>
        {
            var settled = subscription is null || await _settlementService.SettleEndedAsync(current, subscription, initialOrder);
            await _keyService.EndAsync(current, subscription, initialOrder.StoreId);
            return settled && subscription?.KeyState != LinePayRegKeyState.ExpireDue;
        }, () => false);

        if (!ended)
        {
            await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));
            return false;
        }

        await _scheduleService.UnscheduleAsync(recurringPayment.Id);
        return true;
    }
}
