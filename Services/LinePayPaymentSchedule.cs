using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// When the scheduled task next looks at a payment: an open outcome at once (a reservation once the customer had
/// time to approve it), money LINE Pay holds once a day while Merchant Center can still change it (and when an
/// authorization nears its expiry), and any payment once shortly after its state changed, in case its order was not
/// brought in line (a server that died between the two writes, an admin's action that failed, an admin's save of an
/// older copy of the order); a finished payment never again after that
/// </summary>
public static class LinePayPaymentSchedule
{
    /// <summary>
    /// Gets when the task should look at the payment next (UTC), or null when nothing is left to do
    /// </summary>
    public static DateTime? NextCheckOnUtc(LinePayOrderPayment payment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var settledLook = (payment.StateChangedOnUtc ?? payment.RequestedOnUtc) + LinePayDefaults.ReconciliationMinimumAge;
        DateTime? lookOr(DateTime? later) => settledLook > nowUtc ? settledLook : later;

        switch (payment.State)
        {
            case LinePayPaymentState.Requested:
                var approvalTime = payment.RequestedOnUtc + LinePayDefaults.ReconciliationMinimumAge;
                return approvalTime > nowUtc ? approvalTime : nowUtc;

            case LinePayPaymentState.Confirming or LinePayPaymentState.Refunding or LinePayPaymentState.ReturnDue:
                return nowUtc;

            case LinePayPaymentState.Authorized:
                var next = lookOr(nowUtc + LinePayDefaults.MerchantCenterCheckInterval).Value;
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
                var confirmed = payment.ConfirmedOnUtc ?? payment.RequestedOnUtc;
                return lookOr(nowUtc < confirmed + LinePayDefaults.MerchantCenterWatchPeriod ? nowUtc + LinePayDefaults.MerchantCenterCheckInterval : null);

            default:
                return lookOr(null);
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
