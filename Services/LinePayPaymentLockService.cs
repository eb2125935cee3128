using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Lets one request at a time work on an order's LINE Pay payment: nopCommerce's lock of the order is the cheap first
/// guard on one server, the record's claim (<see cref="LinePayConfirmClaimService"/>) the one that holds across a web
/// farm. The order and the record are read again once both are held.
/// </summary>
public class LinePayPaymentLockService
{
    protected readonly ILocker _locker;
    protected readonly IOrderService _orderService;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayPaymentLockService(ILocker locker,
        IOrderService orderService,
        LinePayConfirmClaimService claimService,
        LinePayOrderPaymentService orderPaymentService)
    {
        _locker = locker;
        _orderService = orderService;
        _claimService = claimService;
        _orderPaymentService = orderPaymentService;
    }

    /// <summary>
    /// Runs <paramref name="claimed"/> on the order and its record as stored now, holding the lock and the record's
    /// claim (put back afterwards; a claim whose holder died is put back and taken)
    /// </summary>
    /// <param name="unclaimed">Answers without taking the claim (the record is null when the order has none); null to go on</param>
    /// <param name="busy">Answers when another request holds the lock or the claim; gets the order as stored now</param>
    public virtual async Task<TResult> RunAsync<TResult>(Order order,
        Func<Order, LinePayOrderPayment, TResult> unclaimed,
        Func<Order, LinePayOrderPayment, Task<TResult>> claimed,
        Func<Order, TResult> busy) where TResult : class
    {
        ArgumentNullException.ThrowIfNull(order);

        TResult result = null;
        var locked = await _locker.PerformActionWithLockAsync(string.Format(LinePayDefaults.ConfirmLockKey, order.OrderGuid),
            LinePayDefaults.ConfirmLockExpiration, async () =>
            {
                //read again under the lock: another request may have changed the payment meanwhile
                var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
                var payment = await _orderPaymentService.GetAsync(current);
                if ((result = unclaimed(current, payment)) is not null)
                    return;

                //another instance of the web farm may have passed its own lock: only the holder of the claim goes on
                if ((payment = await _claimService.TryClaimAsync(current, payment) ?? await _claimService.RestoreAndClaimAsync(current)) is null)
                {
                    result = busy(current);
                    return;
                }

                try
                {
                    result = await claimed(current, payment);
                }
                finally
                {
                    await _claimService.ReleaseAsync(current, payment);
                }
            });

        return locked && result is not null ? result : busy(await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order);
    }
}
