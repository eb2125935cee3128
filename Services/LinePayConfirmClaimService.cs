using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// One-shot claims that let exactly one request, on any instance of a web farm, change an order's LINE Pay payment at
/// a time: confirm or settle it, take the cancel return, capture, void or refund it. A claim is a generic attribute row
/// of the order ("transactionId:n", see <see cref="LinePayClaimRows"/>). The holder puts the next claim back when it is
/// done.
/// nopCommerce's ILocker stays the cheap first guard; this is the one that holds across instances, whatever the
/// database provider.
/// </summary>
public class LinePayConfirmClaimService
{
    protected readonly LinePayClaimRows _claimRows;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayConfirmClaimService(LinePayClaimRows claimRows,
        LinePayOrderPaymentService orderPaymentService)
    {
        _claimRows = claimRows;
        _orderPaymentService = orderPaymentService;
    }

    /// <summary>
    /// Makes the first claim of a newly requested payment available; claims left by earlier attempts are removed
    /// </summary>
    public virtual async Task AddFirstClaimAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        await _claimRows.RemoveAllAsync(order.Id, LinePayDefaults.OrderKeyGroup, LinePayDefaults.ConfirmClaimAttribute);
        await InsertClaimAsync(order, payment, payment.ConfirmClaims + 1);
    }

    /// <summary>
    /// Takes the next claim of the payment read as <paramref name="payment"/>. On success returns the record as stored
    /// now (read again under the claim: the copy read before may predate what the previous holder saved before it put
    /// the claim back), saved with its new claim count; the caller must call <see cref="ReleaseAsync"/> with it when
    /// done. Null means another request holds it: do not call LINE Pay.
    /// </summary>
    public virtual async Task<LinePayOrderPayment> TryClaimAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        var claim = payment.ConfirmClaims + 1;
        if (!await _claimRows.TryTakeAsync(order.Id, LinePayDefaults.OrderKeyGroup, LinePayDefaults.ConfirmClaimAttribute,
            FormatClaim(payment, claim)))
            return null;

        var claimed = await _orderPaymentService.GetAsync(order) ?? payment;
        claimed.ConfirmClaims = claim;
        await _orderPaymentService.SaveAsync(order, claimed);

        return claimed;
    }
    /// <summary>
    /// Puts the next claim back after the holder is done (a paid payment is still captured, voided or refunded later)
    /// </summary>
    public virtual async Task ReleaseAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        await InsertClaimAsync(order, payment, payment.ConfirmClaims + 1);
    }

    /// <summary>
    /// Gets a value indicating whether the next claim of the payment is there to be taken
    /// </summary>
    public virtual async Task<bool> IsAvailableAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        return await _claimRows.IsAvailableAsync(order.Id, LinePayDefaults.OrderKeyGroup, LinePayDefaults.ConfirmClaimAttribute,
            FormatClaim(payment, payment.ConfirmClaims + 1));
    }

    /// <summary>
    /// Puts the next claim back when its holder is gone: the claim is missing and the stored record has not changed
    /// for <see cref="LinePayDefaults.ClaimAbandonedAfter"/> (a holder saves the record when it takes the claim and
    /// finishes well within that time, so it died: a restarted server, a killed request). Returns true when the claim
    /// was put back.
    /// </summary>
    public virtual async Task<bool> RestoreAbandonedAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        //read the record again: a holder that just took the claim has saved it with a new claim count and time
        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null || DateTime.UtcNow - payment.UpdatedOnUtc < LinePayDefaults.ClaimAbandonedAfter
            || await IsAvailableAsync(order, payment))
            return false;

        await InsertClaimAsync(order, payment, payment.ConfirmClaims + 1);

        return true;
    }

    /// <summary>
    /// Puts back a claim its holder abandoned (see <see cref="RestoreAbandonedAsync"/>) and takes it; returns the record
    /// as stored now, claimed, or null when the claim was not abandoned or another request took it first
    /// </summary>
    public virtual async Task<LinePayOrderPayment> RestoreAndClaimAsync(Order order)
    {
        if (!await RestoreAbandonedAsync(order))
            return null;

        return await TryClaimAsync(order, await _orderPaymentService.GetAsync(order));
    }

    protected virtual Task InsertClaimAsync(Order order, LinePayOrderPayment payment, int claim) =>
        _claimRows.PutAsync(order.Id, LinePayDefaults.OrderKeyGroup, LinePayDefaults.ConfirmClaimAttribute, FormatClaim(payment, claim));

    private static string FormatClaim(LinePayOrderPayment payment, int claim) =>
        string.Create(CultureInfo.InvariantCulture, $"{payment.TransactionId}:{claim}");
}
