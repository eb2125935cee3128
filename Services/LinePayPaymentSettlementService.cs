using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Learns from LINE Pay how a payment whose claim the caller holds ended: sends Confirm at most once (the record says
/// Confirming, saved, before the call), and otherwise reads Check and Payment Details. A Confirm that LINE Pay refuses
/// or does not answer is never taken as the last word: Check (and Payment Details) decide. The answer is written to
/// the record and the order by <see cref="LinePayPaymentOutcomeService"/>.
/// </summary>
public class LinePayPaymentSettlementService
{
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentOutcomeService _outcomeService;

    public LinePayPaymentSettlementService(LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentOutcomeService outcomeService)
    {
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _outcomeService = outcomeService;
    }

    #region Methods

    /// <summary>
    /// Sends Confirm for an approved payment. A Requested record says Confirming (saved) before the call, so a lost
    /// answer is never followed by a blind second Confirm; a Confirming one is sent again only when Check has just
    /// said that LINE Pay did not apply the earlier Confirm.
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> SendConfirmAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        if (payment.State == LinePayPaymentState.Requested)
        {
            payment.Apply(LinePayPaymentEvent.ConfirmSent);
            await _orderPaymentService.SaveAsync(order, payment);
        }
        else
            await _noteService.AddNoteAsync(order, $"LINE Pay shows transaction {payment.TransactionId} approved but not confirmed; the confirmation is sent again.");

        ConfirmResponseInfo info;
        try
        {
            info = await client.ConfirmPaymentAsync(payment.TransactionId, payment.Amount, payment.Currency);
        }
        catch (LinePayException exception)
        {
            if (exception is LinePayApiException api)
                payment.LastReturnCode = api.ReturnCode;
            await _noteService.AddNoteAsync(order, exception is LinePayApiException { IsOutcomeUnknown: false }
                ? $"LINE Pay refused the confirmation of transaction {payment.TransactionId}: {LinePayOrderNoteService.Describe(exception)}; asking LINE Pay whether anything was paid."
                : $"the confirmation of transaction {payment.TransactionId} has no clear answer ({LinePayOrderNoteService.Describe(exception)}); asking LINE Pay for its status.");

            //Confirm was sent; whatever happened to it, only Check and Payment Details settle it now
            return await SettleFromStatusAsync(order, payment, client, orderWaits: true, confirmProblem: exception);
        }

        if (info.TransactionId != payment.TransactionId)
        {
            await _noteService.AddNoteAsync(order, $"LINE Pay's confirmation names transaction {info.TransactionId} instead of {payment.TransactionId}; Payment Details decides.");
            return await SettleFromDetailsAsync(order, payment, client);
        }

        return await _outcomeService.TakeAsync(order, payment, client, LinePayTransactionFacts.FromConfirm(info, payment));
    }

    /// <summary>
    /// Settles the payment from Check: completed (0123) → from Payment Details; ended (0121/0122) → nothing was paid;
    /// approved by the customer (0110) → confirmed when the order still waits for it; a reservation the customer is
    /// still looking at is left alone
    /// </summary>
    /// <param name="orderWaits">Whether the order still waits for this payment (open, pending)</param>
    /// <param name="confirmProblem">Why the Confirm just sent failed (refused, or no clear answer); then it is not sent again now</param>
    public virtual async Task<LinePayConfirmationResult> SettleFromStatusAsync(Order order, LinePayOrderPayment payment,
        LinePayClient client, bool orderWaits, LinePayException confirmProblem = null)
    {
        var (status, problem) = await CheckAsync(order, payment, client);

        return problem ?? await SettleAsync(order, payment, client, status, orderWaits, confirmProblem);
    }

    /// <summary>
    /// Asks Check where the payment request stands; when LINE Pay cannot tell, the outcome stays unknown (second value)
    /// </summary>
    public virtual async Task<(PaymentRequestStatus Status, LinePayConfirmationResult Unknown)> CheckAsync(Order order,
        LinePayOrderPayment payment, LinePayClient client)
    {
        try
        {
            return (await client.CheckPaymentStatusAsync(payment.TransactionId), null);
        }
        catch (LinePayException exception)
        {
            return (default, await _outcomeService.UnknownAsync(order, payment,
                $"the status of transaction {payment.TransactionId} could not be read ({LinePayOrderNoteService.Describe(exception)})", exception));
        }
    }

    /// <summary>
    /// Settles the payment from what Check said (see <see cref="SettleFromStatusAsync"/>)
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> SettleAsync(Order order, LinePayOrderPayment payment, LinePayClient client,
        PaymentRequestStatus status, bool orderWaits, LinePayException confirmProblem = null)
    {
        var refusal = confirmProblem as LinePayApiException is { IsOutcomeUnknown: false } refused ? refused : null;
        switch (status)
        {
            case PaymentRequestStatus.Completed:
                return await SettleFromDetailsAsync(order, payment, client);

            case PaymentRequestStatus.CancelledOrExpired:
                return await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.NotPaid, LinePayReturnCodes.CancelledOrExpired,
                    $"transaction {payment.TransactionId} was cancelled or expired on LINE Pay ({LinePayReturnCodes.CancelledOrExpired}); nothing was paid. The order stays pending; the customer can retry the payment.");

            case PaymentRequestStatus.Failed:
                return await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.NotPaid, LinePayReturnCodes.Failed,
                    $"transaction {payment.TransactionId} failed on LINE Pay ({LinePayReturnCodes.Failed}); nothing was paid. The order stays pending; the customer can retry the payment.");

            case PaymentRequestStatus.Authenticated or PaymentRequestStatus.Reserved when refusal is not null:
                return await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.NotPaid, refusal.ReturnCode,
                    $"LINE Pay shows transaction {payment.TransactionId} unconfirmed after refusing its confirmation ({refusal.ReturnCode}); nothing was paid. The order stays pending; the customer can retry the payment.");

            case PaymentRequestStatus.Authenticated when confirmProblem is not null:
                return await _outcomeService.UnknownAsync(order, payment,
                    $"LINE Pay shows transaction {payment.TransactionId} approved but not (yet) confirmed after the confirmation got no clear answer", confirmProblem);

            case PaymentRequestStatus.Authenticated when !orderWaits:
                return await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.OrderCancelled, LinePayReturnCodes.Authenticated,
                    $"the customer approved transaction {payment.TransactionId}, but order {order.CustomOrderNumber} no longer waits for this payment; it is not confirmed and nothing was paid.");

            case PaymentRequestStatus.Authenticated:
                return await SendConfirmAsync(order, payment, client);

            case PaymentRequestStatus.Reserved when payment.State == LinePayPaymentState.Requested:
                //the customer has not approved it (yet): nothing to settle
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, order);

            default:
                return await _outcomeService.UnknownAsync(order, payment, $"LINE Pay reports transaction {payment.TransactionId} as {status}");
        }
    }

    /// <summary>
    /// Settles the payment from Payment Details: what LINE Pay holds for the transaction (captured, authorized, refunded,
    /// voided or expired) decides
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> SettleFromDetailsAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        PaymentDetailsInfo details;
        try
        {
            details = await client.GetPaymentDetailsAsync(payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await _outcomeService.UnknownAsync(order, payment,
                $"transaction {payment.TransactionId} is completed but its details could not be read ({LinePayOrderNoteService.Describe(exception)})", exception);
        }

        if (details is null)
            return await _outcomeService.UnknownAsync(order, payment,
                $"transaction {payment.TransactionId} is completed but Payment Details does not list it", LinePayTransactionFacts.NotListed());

        return await _outcomeService.TakeAsync(order, payment, client, LinePayTransactionFacts.FromDetails(details));
    }

    #endregion
}
