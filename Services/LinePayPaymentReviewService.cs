using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Reads Payment Details of a payment LINE Pay holds money for and brings what changed there into its record: refunds
/// and voids done in LINE Pay Merchant Center, an authorization that expired or was captured after all, and the refund
/// the store sent without learning its outcome. The caller holds the payment's claim.
/// </summary>
public class LinePayPaymentReviewService
{
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentOutcomeService _outcomeService;

    public LinePayPaymentReviewService(LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentOutcomeService outcomeService)
    {
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _outcomeService = outcomeService;
    }

    /// <summary>
    /// Reads Payment Details and updates the record (saved when something changed)
    /// </summary>
    public virtual async Task<LinePayReview> ReviewAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(client);

        PaymentDetailsInfo details;
        try
        {
            details = await client.GetPaymentDetailsAsync(payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await NoAnswerAsync(order, payment, exception,
                $"Payment Details of transaction {payment.TransactionId} could not be read ({LinePayOrderNoteService.Describe(exception)})");
        }

        if (details is null)
            return await NoAnswerAsync(order, payment, LinePayTransactionFacts.NotListed(),
                $"Payment Details does not list transaction {payment.TransactionId}");

        var before = payment.State;
        var refundsBefore = payment.Refunds.Count;
        var facts = LinePayTransactionFacts.FromDetails(details);
        var newRefunds = LinePayRefundMirror.Apply(payment, facts.Refunds, DateTime.UtcNow);
        var notes = newRefunds.Select(refund => refund.StoreAmount is null
            ? $"LINE Pay lists a refund of transaction {payment.TransactionId} made outside the store (LINE Pay Merchant Center): refund transaction {refund.RefundTransactionId}, {payment.FormatAmount(refund.Amount)}."
            : $"LINE Pay made the refund of {payment.FormatAmount(refund.Amount)} sent from the order page whose answer was lost: refund transaction {refund.RefundTransactionId}.").ToList();
        if (before == LinePayPaymentState.Refunding && payment.State == LinePayPaymentState.Paid && payment.PendingRefund is null
            && !newRefunds.Any(refund => refund.StoreAmount is not null))
            notes.Add($"LINE Pay does not list the refund sent for transaction {payment.TransactionId}; nothing was refunded and it can be refunded again.");

        switch (facts.PayStatus)
        {
            case LinePayPayStatus.Capture when payment.State == LinePayPaymentState.Authorized:
                payment.CapturedAmount = facts.PaidAmount;
                payment.CapturedOnUtc ??= DateTime.UtcNow;
                payment.Apply(LinePayPaymentEvent.Captured);
                notes.Add($"Payment Details shows the authorization of transaction {payment.TransactionId} captured ({payment.FormatAmount(facts.PaidAmount)}).");
                break;

            case LinePayPayStatus.VoidedAuthorization when payment.Allows(LinePayPaymentEvent.Voided) && payment.State != LinePayPaymentState.Voided:
                payment.VoidedOnUtc ??= DateTime.UtcNow;
                payment.Apply(LinePayPaymentEvent.Voided);
                notes.Add($"the authorization of transaction {payment.TransactionId} was voided on LINE Pay (LINE Pay Merchant Center); LINE Pay holds no money for the order.");
                break;

            case LinePayPayStatus.ExpiredAuthorization when payment.Allows(LinePayPaymentEvent.AuthorizationExpired):
                payment.Apply(LinePayPaymentEvent.AuthorizationExpired);
                notes.Add($"the authorization of transaction {payment.TransactionId} expired uncaptured; LINE Pay released the money.");
                break;
        }

        var changed = payment.State != before || payment.Refunds.Count != refundsBefore;
        if (changed)
        {
            await _orderPaymentService.SaveAsync(order, payment);
            foreach (var note in notes)
                await _noteService.AddNoteAsync(order, note);
        }

        return new LinePayReview(changed, newRefunds, null);
    }

    // LINE Pay did not tell: an open refund stays open (noted once), money held stays as it is
    protected virtual async Task<LinePayReview> NoAnswerAsync(Order order, LinePayOrderPayment payment, LinePayException problem, string what)
    {
        if (payment.State == LinePayPaymentState.Refunding)
            await _outcomeService.UnknownAsync(order, payment, what, problem);

        return new LinePayReview(false, [], problem);
    }
}
