using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Brings the refunds LINE Pay lists for a payment into its record: refunds made in LINE Pay Merchant Center, and the
/// one refund the store sent without learning its outcome
/// </summary>
public static class LinePayRefundMirror
{
    /// <summary>
    /// Gets how long after a refund was sent Payment Details must list it, or it was not made
    /// </summary>
    public static TimeSpan SettleTime => TimeSpan.FromMinutes(10);

    /// <summary>
    /// Adds the refunds the record does not know yet and moves the record as they say: a refund the store sent is
    /// settled (made, or after <see cref="SettleTime"/> not made), other refunds are LINE Pay Merchant Center's
    /// </summary>
    /// <returns>The refunds added, oldest first</returns>
    public static IList<LinePayRefund> Apply(LinePayOrderPayment payment, IEnumerable<RefundDetailsInfo> refundList, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var known = payment.Refunds.Select(refund => refund.RefundTransactionId).ToHashSet();
        var pending = payment.PendingRefund;
        var added = new List<LinePayRefund>();
        LinePayRefund settled = null;
        foreach (var listed in (refundList ?? []).Where(refund => !known.Contains(refund.RefundTransactionId))
            .OrderBy(refund => refund.RefundTransactionDate))
        {
            var refund = new LinePayRefund
            {
                RefundTransactionId = listed.RefundTransactionId,
                Amount = Math.Abs(listed.RefundAmount),
                RefundedOnUtc = listed.RefundTransactionDate?.UtcDateTime ?? nowUtc
            };
            if (settled is null && pending is not null && refund.Amount == pending.Amount)
            {
                settled = refund;
                refund.StoreAmount = pending.StoreAmount;
            }
            payment.Refunds.Add(refund);
            added.Add(refund);
        }

        var nothingLeft = payment.RefundableAmount <= decimal.Zero;
        if (payment.State == LinePayPaymentState.Refunding)
        {
            if (settled is not null)
            {
                payment.PendingRefund = null;
                payment.Apply(nothingLeft ? LinePayPaymentEvent.RefundedInFull : LinePayPaymentEvent.RefundedInPart);
            }
            //not listed in time, or nothing is left that it could have refunded
            else if (pending is null || nowUtc - pending.SentOnUtc >= SettleTime || nothingLeft)
            {
                payment.PendingRefund = null;
                payment.Apply(LinePayPaymentEvent.RefundRefused);
            }
        }

        if (payment.State != LinePayPaymentState.Refunding && (added.Count > 0 || nothingLeft))
        {
            var @event = nothingLeft ? LinePayPaymentEvent.RefundedInFull : LinePayPaymentEvent.RefundedInPart;
            if (payment.Allows(@event))
                payment.Apply(@event);
        }

        return added;
    }
}
