using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// When the scheduled task next looks at a payment: an open outcome at once (a reservation once the customer had
/// time to approve it), money LINE Pay holds once a day while Merchant Center can still change it (and when an
/// authorization nears its expiry), a finished payment never
/// </summary>
public static class LinePayPaymentSchedule
{
    /// <summary>
    /// Gets when the task should look at the payment next (UTC), or null when nothing is left to do
    /// </summary>
    public static DateTime? NextCheckOnUtc(LinePayOrderPayment payment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(payment);

        switch (payment.State)
        {
            case LinePayPaymentState.Requested:
                var approvalTime = payment.RequestedOnUtc + LinePayDefaults.ReconciliationMinimumAge;
                return approvalTime > nowUtc ? approvalTime : nowUtc;

            case LinePayPaymentState.Confirming or LinePayPaymentState.Refunding or LinePayPaymentState.ReturnDue:
                return nowUtc;

            case LinePayPaymentState.Authorized:
                var next = nowUtc + LinePayDefaults.MerchantCenterCheckInterval;
                if (payment.AuthorizationExpiresOnUtc is { } expiry)
                {
                    var warning = expiry - LinePayDefaults.AuthorizationExpiryWarning;
                    if (payment.ExpiryNotedOnUtc is null && warning > nowUtc && warning < next)
                        next = warning;
                    //just past the expiry, to see LINE Pay release the money
                    var expired = expiry + TimeSpan.FromMinutes(10);
                    if (expired < next)
                        next = expired > nowUtc ? expired : nowUtc;
                }
                return next;

            case LinePayPaymentState.Paid or LinePayPaymentState.HeldForCancelledOrder:
                var watchedUntil = (payment.ConfirmedOnUtc ?? payment.RequestedOnUtc) + LinePayDefaults.MerchantCenterWatchPeriod;
                return nowUtc < watchedUntil ? nowUtc + LinePayDefaults.MerchantCenterCheckInterval : null;

            default:
                return null;
        }
    }

    /// <summary>
    /// Gets the wait before the next look at an open payment that the task found unchanged this many times in a row:
    /// one task period, doubling, up to <see cref="LinePayDefaults.LongestCheckInterval"/>
    /// </summary>
    public static TimeSpan Backoff(int unchangedVisits)
    {
        var period = TimeSpan.FromSeconds(LinePayDefaults.ReconciliationTaskSeconds);
        var wait = period * Math.Pow(2, Math.Clamp(unchangedVisits - 1, 0, 16));

        return wait < LinePayDefaults.LongestCheckInterval ? wait : LinePayDefaults.LongestCheckInterval;
    }
}
