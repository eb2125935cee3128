using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Lets one request at a time, on any instance of a web farm, work on a subscription: charge a cycle, store a new key,
/// check or expire the key. nopCommerce's lock is the cheap first guard on one server; the subscription's claim (a
/// generic attribute row of the recurring payment, see <see cref="LinePayClaimRows"/>) the one that holds across
/// instances. The recurring payment and its subscription are read again once both are held.
/// </summary>
public class LinePaySubscriptionLockService
{
    protected readonly ILocker _locker;
    protected readonly IOrderService _orderService;
    protected readonly LinePayClaimRows _claimRows;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionLockService(ILocker locker,
        IOrderService orderService,
        LinePayClaimRows claimRows,
        LinePaySubscriptionService subscriptionService)
    {
        _locker = locker;
        _orderService = orderService;
        _claimRows = claimRows;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Runs <paramref name="claimed"/> on the recurring payment and its subscription as stored now, holding the lock and
    /// the claim; <paramref name="busy"/> answers when another request holds either. A recurring payment without a
    /// subscription gets null, unclaimed, unless <paramref name="create"/>: then a new one is saved with its first claim,
    /// which only the confirmation of the first order may do, as it holds that order's claim (one creator only).
    /// </summary>
    public virtual async Task<TResult> RunAsync<TResult>(RecurringPayment recurringPayment,
        Func<RecurringPayment, LinePaySubscription, Task<TResult>> claimed,
        Func<TResult> busy, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);

        var done = false;
        var result = default(TResult);
        var locked = await _locker.PerformActionWithLockAsync(string.Format(CultureInfo.InvariantCulture, LinePayDefaults.SubscriptionLockKey, recurringPayment.Id),
            LinePayDefaults.ConfirmLockExpiration, async () =>
            {
                var current = await _orderService.GetRecurringPaymentByIdAsync(recurringPayment.Id) ?? recurringPayment;
                var subscription = await _subscriptionService.GetAsync(current.Id);
                if (subscription is null && !create)
                {
                    result = await claimed(current, null);
                    done = true;
                    return;
                }

                if (subscription is null)
                {
                    subscription = new LinePaySubscription();
                    await _subscriptionService.SaveAsync(current, subscription);
                    await PutClaimAsync(current, subscription);
                }

                if ((subscription = await TryClaimAsync(current, subscription) ?? await RestoreAndClaimAsync(current)) is null)
                    return;

                try
                {
                    result = await claimed(current, subscription);
                    done = true;
                }
                finally
                {
                    await PutClaimAsync(current, subscription);
                }
            });

        return locked && done ? result : busy();
    }

    // the subscription as stored now, claimed; the copy read before the claim may predate what the previous holder saved
    protected virtual async Task<LinePaySubscription> TryClaimAsync(RecurringPayment recurringPayment, LinePaySubscription subscription)
    {
        var claim = subscription.Claims + 1;
        if (!await _claimRows.TryTakeAsync(recurringPayment.Id, LinePayDefaults.SubscriptionKeyGroup,
            LinePayDefaults.SubscriptionClaimAttribute, Claim(claim)))
            return null;

        var claimed = await _subscriptionService.GetAsync(recurringPayment.Id) ?? subscription;
        claimed.Claims = claim;
        await _subscriptionService.SaveAsync(recurringPayment, claimed);

        return claimed;
    }

    // a holder saves the record when it takes the claim and is done within minutes: a claim missing for longer, with
    // the record unchanged, was left by a holder that died
    protected virtual async Task<LinePaySubscription> RestoreAndClaimAsync(RecurringPayment recurringPayment)
    {
        var subscription = await _subscriptionService.GetAsync(recurringPayment.Id);
        if (subscription is null || DateTime.UtcNow - subscription.UpdatedOnUtc < LinePayDefaults.ClaimAbandonedAfter
            || await _claimRows.IsAvailableAsync(recurringPayment.Id, LinePayDefaults.SubscriptionKeyGroup,
                LinePayDefaults.SubscriptionClaimAttribute, Claim(subscription.Claims + 1)))
            return null;

        await PutClaimAsync(recurringPayment, subscription);

        return await TryClaimAsync(recurringPayment, subscription);
    }

    protected virtual Task PutClaimAsync(RecurringPayment recurringPayment, LinePaySubscription subscription) =>
        _claimRows.PutAsync(recurringPayment.Id, LinePayDefaults.SubscriptionKeyGroup, LinePayDefaults.SubscriptionClaimAttribute,
            Claim(subscription.Claims + 1));

    private static string Claim(int claim) => claim.ToString(CultureInfo.InvariantCulture);
}
