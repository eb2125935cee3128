using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Learns from LINE Pay how a payment whose claim the caller holds ended: sends Confirm at most once (the record is
/// saved as Confirming before the call), and otherwise reads Check and Payment Details. The answer is written to the
/// order by <see cref="LinePayPaymentOutcomeService"/>.
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
    /// Sends Confirm for a Requested payment. The record says Confirming (saved) before the call, so a lost answer is
    /// never followed by a blind second Confirm: an unclear answer is settled from Check and Payment Details.
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> SendConfirmAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        payment.State = LinePayPaymentState.Confirming;
        await _orderPaymentService.SaveAsync(order, payment);

        return await CallConfirmAsync(order, payment, client);
    }

    /// <summary>
    /// Settles the payment from Check: approved by the customer (0110) → Confirm when <paramref name="confirmIfApproved"/>,
    /// completed by LINE Pay (0123) → finished from Payment Details, ended (0121/0122) → failed; a reservation the
    /// customer is still looking at is left alone
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> SettleFromStatusAsync(Order order, LinePayOrderPayment payment,
        LinePayClient client, bool confirmIfApproved)
    {
        PaymentRequestStatus status;
        try
        {
            status = await client.CheckPaymentStatusAsync(payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await _outcomeService.NoteUnknownAsync(order, payment, $"the status of transaction {payment.TransactionId} could not be read ({LinePayOrderNoteService.Describe(exception)})");
        }

        switch (status)
        {
            case PaymentRequestStatus.Completed:
                return await SettleFromDetailsAsync(order, payment, client);

            case PaymentRequestStatus.Authenticated when confirmIfApproved:
                return await SendConfirmAsync(order, payment, client);

            case PaymentRequestStatus.Reserved when payment.State == LinePayPaymentState.Requested:
                //the customer has not approved it (yet): nothing to settle
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, order);

            case PaymentRequestStatus.CancelledOrExpired:
                return await _outcomeService.FailAsync(order, payment, LinePayReturnCodes.CancelledOrExpired, $"transaction {payment.TransactionId} was cancelled or expired on LINE Pay ({LinePayReturnCodes.CancelledOrExpired}).");

            case PaymentRequestStatus.Failed:
                return await _outcomeService.FailAsync(order, payment, LinePayReturnCodes.Failed, $"transaction {payment.TransactionId} failed on LINE Pay ({LinePayReturnCodes.Failed}).");

            default:
                return await _outcomeService.NoteUnknownAsync(order, payment, $"LINE Pay reports transaction {payment.TransactionId} as {status}");
        }
    }

    #endregion

    #region Utilities

    protected virtual async Task<LinePayConfirmationResult> CallConfirmAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        ConfirmResponseInfo info;
        try
        {
            info = await client.ConfirmPaymentAsync(payment.TransactionId, payment.Amount, payment.Currency);
        }
        catch (LinePayApiException exception) when (!exception.IsOutcomeUnknown)
        {
            return await _outcomeService.FailAsync(order, payment, exception.ReturnCode, $"LINE Pay refused the confirmation of transaction {payment.TransactionId}: {exception.ReturnCode} ({exception.ReturnMessage}).");
        }
        catch (LinePayException exception)
        {
            if (exception is LinePayApiException api)
                payment.LastReturnCode = api.ReturnCode;
            await _noteService.AddNoteAsync(order, $"the confirmation of transaction {payment.TransactionId} has no clear answer ({LinePayOrderNoteService.Describe(exception)}); asking LINE Pay for its status.");

            //Confirm was sent once; whatever happened to it, only Check and Payment Details settle it now
            return await SettleFromStatusAsync(order, payment, client, confirmIfApproved: false);
        }

        if (info.TransactionId != payment.TransactionId)
            return await _outcomeService.ReturnMoneyAsync(order, payment, client, $"LINE Pay confirmed transaction {info.TransactionId} instead of {payment.TransactionId}");

        return await _outcomeService.FinishAsync(order, payment, client, info.PayInfo, info.AuthorizationExpireDate);
    }

    protected virtual async Task<LinePayConfirmationResult> SettleFromDetailsAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        PaymentDetailsInfo details;
        try
        {
            details = await client.GetPaymentDetailsAsync(payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await _outcomeService.NoteUnknownAsync(order, payment, $"transaction {payment.TransactionId} is completed but its details could not be read ({LinePayOrderNoteService.Describe(exception)})");
        }

        if (details is null)
            return await _outcomeService.NoteUnknownAsync(order, payment, $"transaction {payment.TransactionId} is completed but Payment Details does not list it");

        return await _outcomeService.FinishAsync(order, payment, client, details.PayInfo, details.AuthorizationExpireDate);
    }

    #endregion
}
