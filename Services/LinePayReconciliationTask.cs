using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Settles LINE Pay payments nobody finished and keeps every payment where LINE Pay says it is. Each run reads only
/// the payments that are due (<see cref="LinePayPaymentScheduleService"/>), at most
/// <see cref="LinePayDefaults.ReconciliationBatchSize"/>, the most overdue first; a payment found unchanged is looked
/// at again later and later (<see cref="LinePayPaymentSchedule.Backoff"/>); when LINE Pay cannot be reached, the run
/// leaves the rest of that store's payments for the next run.
/// </summary>
public class LinePayReconciliationTask : IScheduleTask
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentReconciliationService _reconciliationService;
    protected readonly LinePayPaymentScheduleService _scheduleService;

    public LinePayReconciliationTask(ILogger logger,
        IOrderService orderService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentReconciliationService reconciliationService,
        LinePayPaymentScheduleService scheduleService)
    {
        _logger = logger;
        _orderService = orderService;
        _orderPaymentService = orderPaymentService;
        _reconciliationService = reconciliationService;
        _scheduleService = scheduleService;
    }

    /// <summary>
    /// Executes the task
    /// </summary>
    public virtual async Task ExecuteAsync()
    {
        var unreachableStores = new HashSet<int>();
        foreach (var check in await _scheduleService.GetDueAsync(DateTime.UtcNow, LinePayDefaults.ReconciliationBatchSize))
        {
            var order = await _orderService.GetOrderByIdAsync(check.EntityId);
            if (order is null)
            {
                await _scheduleService.UnscheduleAsync(check.EntityId);
                continue;
            }

            if (unreachableStores.Contains(order.StoreId))
                continue;

            try
            {
                var result = await _reconciliationService.ReconcileAsync(order);
                if (result.LinePayUnreachable)
                    unreachableStores.Add(order.StoreId);
                if (result.StateChanged)
                    await _logger.InformationAsync($"LINE Pay: the payment of order {order.Id} is {result.State} now.");
                if (!result.StateChanged)
                    await RescheduleAsync(check);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //e.g. a store whose LINE Pay settings are incomplete: the payments of the other stores are still settled
                if (check.UnchangedVisits == 0)
                    await _logger.ErrorAsync($"LINE Pay: the payment of order {order.Id} (store {order.StoreId}) could not be reconciled: {exception.Message}", exception);
                await RescheduleAsync(check);
            }
        }
    }

    // nothing new this time: looked at again later, or never when nothing is left to do
    protected virtual async Task RescheduleAsync(LinePayScheduledCheck check)
    {
        var payment = await _orderPaymentService.GetAsync(check.EntityId);
        var now = DateTime.UtcNow;
        //a finished payment was looked at once after it changed (its order brought in line): nothing is left to do
        if (payment is null || !LinePayPaymentStateMachine.IsOpen(payment.State) && !LinePayPaymentStateMachine.IsWatched(payment.State)
            || LinePayPaymentSchedule.NextCheckOnUtc(payment, now) is not { } next)
        {
            await _scheduleService.UnscheduleAsync(check.EntityId);
            return;
        }

        var visits = check.UnchangedVisits + 1;
        var later = now + LinePayPaymentSchedule.Backoff(visits);
        await _scheduleService.ScheduleAsync(check.EntityId, next > later ? next : later, visits);
    }
}
