using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Writes LINE Pay's answer about a payment into the order and its record: paid or authorized when payInfo adds up to
/// the amount requested, the money returned when it does not, refused, or still unknown. The caller holds the
/// payment's claim.
/// </summary>
public class LinePayPaymentOutcomeService
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayPaymentOutcomeService(ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
    }

    /// <summary>
    /// Finishes a payment LINE Pay confirmed: marks the order paid (capture) or authorized when payInfo adds up to
    /// the amount requested; otherwise returns the money
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> FinishAsync(Order order, LinePayOrderPayment payment, LinePayClient client,
        IList<PayInfo> payInfo, DateTimeOffset? authorizationExpireDate)
    {
        var paid = payInfo?.Sum(info => info.Amount) ?? 0m;
        if (paid != payment.Amount)
            return await ReturnMoneyAsync(order, payment, client,
                $"LINE Pay's payInfo adds up to {paid.ToString(CultureInfo.InvariantCulture)} {payment.Currency}, not the {payment.FormatAmount()} requested");

        var capture = payment.PaymentMode == LinePayPaymentMode.CaptureImmediately;
        var transactionId = payment.TransactionId.ToString(CultureInfo.InvariantCulture);
        var methods = string.Join(", ", payInfo.Select(info => info.Method).Where(method => !string.IsNullOrEmpty(method)));

        order.AuthorizationTransactionId = transactionId;
        order.AuthorizationTransactionResult = $"LINE Pay {(capture ? "captured" : "authorized")} {payment.FormatAmount()}";
        if (capture)
        {
            order.CaptureTransactionId = transactionId;
            order.CaptureTransactionResult = order.AuthorizationTransactionResult;
        }
        await _orderService.UpdateOrderAsync(order);

        payment.ConfirmedOnUtc = DateTime.UtcNow;
        payment.LastReturnCode = LinePayReturnCodes.Success;
        payment.AuthorizationExpiresOnUtc = capture ? null : authorizationExpireDate?.UtcDateTime;
        await _noteService.AddNoteAsync(order, $"payment {(capture ? "captured" : "authorized")}: transaction {transactionId}, {payment.FormatAmount()}" +
            (string.IsNullOrEmpty(methods) ? "." : $" ({methods})."));

        if (capture)
        {
            if (_orderProcessingService.CanMarkOrderAsPaid(order))
                await _orderProcessingService.MarkOrderAsPaidAsync(order);
        }
        else
        {
            if (_orderProcessingService.CanMarkOrderAsAuthorized(order))
                await _orderProcessingService.MarkAsAuthorizedAsync(order);
            await _noteService.AddNoteAsync(order, payment.AuthorizationExpiresOnUtc is { } expiry
                ? $"the authorization {LinePayOrderNoteService.DescribeExpiry(expiry)}"
                : "LINE Pay did not say when the authorization expires; capture or void it soon.");
        }

        payment.State = capture ? LinePayPaymentState.Paid : LinePayPaymentState.Authorized;
        await _orderPaymentService.SaveAsync(order, payment);

        return new LinePayConfirmationResult(capture ? LinePayConfirmationOutcome.Paid : LinePayConfirmationOutcome.Authorized, order);
    }

    /// <summary>
    /// LINE Pay took a payment that does not match the order: gives the money back at once (refund or void) and
    /// leaves the order pending
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> ReturnMoneyAsync(Order order, LinePayOrderPayment payment, LinePayClient client, string problem)
    {
        string outcome;
        try
        {
            if (payment.PaymentMode == LinePayPaymentMode.CaptureImmediately)
            {
                var refund = await client.RefundPaymentAsync(payment.TransactionId, null, payment.Currency);
                outcome = $"the payment was refunded in full (refund transaction {refund.RefundTransactionId})";
            }
            else
            {
                await client.VoidPaymentAsync(payment.TransactionId);
                outcome = "the authorization was voided";
            }
        }
        catch (LinePayException exception)
        {
            outcome = $"returning the money failed ({LinePayOrderNoteService.Describe(exception)}): refund or void transaction {payment.TransactionId} in LINE Pay Merchant Center";
            await _logger.ErrorAsync($"LINE Pay transaction {payment.TransactionId} of order {order.Id} does not match the order and could not be returned; return it in LINE Pay Merchant Center.", exception);
        }

        payment.State = LinePayPaymentState.Failed;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{problem}; {outcome}. The order stays pending.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.AmountMismatch, order);
    }

    /// <summary>
    /// LINE Pay refused the payment, or it was cancelled, expired or failed there: the attempt fails with LINE Pay's
    /// return code and the order stays pending for the customer to retry
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> FailAsync(Order order, LinePayOrderPayment payment, string returnCode, string note)
    {
        payment.State = LinePayPaymentState.Failed;
        payment.LastReturnCode = returnCode;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{note} The order stays pending; the customer can retry the payment.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.Refused, order, returnCode);
    }

    /// <summary>
    /// LINE Pay's answer is not known: the record is saved as it stands and the order noted, so that nobody marks it
    /// paid by hand before LINE Pay tells
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> NoteUnknownAsync(Order order, LinePayOrderPayment payment, string problem)
    {
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{problem}. The payment stays unconfirmed until LINE Pay tells its outcome; do not mark the order as paid by hand before checking LINE Pay Merchant Center.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.Unknown, order, payment.LastReturnCode);
    }
}
