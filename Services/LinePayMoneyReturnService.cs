using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Gives back money LINE Pay holds that the order cannot take (state ReturnDue): asks Payment Details what is left
/// every time before acting, then refunds exactly that rest or voids the authorization, so that a return whose answer
/// was lost is never sent twice. The caller holds the payment's claim.
/// </summary>
public class LinePayMoneyReturnService
{
    protected readonly ILogger _logger;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayMoneyReturnService(ILogger logger,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService)
    {
        _logger = logger;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
    }

    /// <summary>
    /// Gives the money back as far as LINE Pay lets it now
    /// </summary>
    /// <returns>Null once LINE Pay holds nothing (or refuses for good, state HeldForCancelledOrder); otherwise why it stays due</returns>
    public virtual async Task<LinePayException> ReturnAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(client);

        var details = await ReadAsync(order, payment, client);
        if (details.Problem is not null)
            return details.Problem;

        var facts = details.Facts;
        var newRefunds = LinePayRefundMirror.Apply(payment, facts.Refunds, DateTime.UtcNow);
        if (payment.State != LinePayPaymentState.ReturnDue)
        {
            await _orderPaymentService.SaveAsync(order, payment);
            await _noteService.AddNoteAsync(order, $"LINE Pay lists the refund of transaction {payment.TransactionId} ({Describe(payment, newRefunds)}); it holds nothing for the order any more.");
            return null;
        }

        try
        {
            switch (facts.PayStatus)
            {
                case LinePayPayStatus.VoidedAuthorization:
                    return await EndAsync(order, payment, LinePayPaymentEvent.Voided, "LINE Pay shows the authorization voided");

                case LinePayPayStatus.ExpiredAuthorization:
                    return await EndAsync(order, payment, LinePayPaymentEvent.AuthorizationExpired, "LINE Pay shows the authorization expired");

                case LinePayPayStatus.Authorization:
                    await VoidAsync(client, payment);
                    return await EndAsync(order, payment, LinePayPaymentEvent.Voided, "the authorization was voided");

                default:
                    var rest = facts.PaidAmount - facts.RefundedAmount;
                    var refund = await client.RefundPaymentAsync(payment.TransactionId, rest, payment.Currency);
                    payment.Refunds.Add(new LinePayRefund { RefundTransactionId = refund.RefundTransactionId, Amount = rest, RefundedOnUtc = DateTime.UtcNow });
                    return await EndAsync(order, payment, LinePayPaymentEvent.RefundedInFull,
                        $"{payment.FormatAmount(rest)} was refunded (refund transaction {refund.RefundTransactionId})");
            }
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown
            || exception is LinePayApiException { ReturnCode: LinePayReturnCodes.AlreadyRefundedOrVoided or "1164" })
        {
            //the next attempt reads Payment Details first and sees whether it was done
            return await StillDueAsync(order, payment, exception);
        }
        catch (LinePayApiException exception)
        {
            payment.LastReturnCode = exception.ReturnCode;
            payment.Apply(LinePayPaymentEvent.MoneyHeld);
            await _orderPaymentService.SaveAsync(order, payment);
            var note = $"LINE Pay refused to give back the money of transaction {payment.TransactionId}: {LinePayOrderNoteService.Describe(exception)}. Give it back in LINE Pay Merchant Center.";
            await _noteService.AddNoteAsync(order, note);
            await _logger.ErrorAsync($"LINE Pay: order {order.Id}: {note}", exception);
            return null;
        }
    }

    protected virtual async Task<(LinePayTransactionFacts Facts, LinePayException Problem)> ReadAsync(Order order,
        LinePayOrderPayment payment, LinePayClient client)
    {
        try
        {
            var details = await client.GetPaymentDetailsAsync(payment.TransactionId);
            if (details is not null)
                return (LinePayTransactionFacts.FromDetails(details), null);

            return (null, await StillDueAsync(order, payment,
                LinePayTransactionFacts.NotListed()));
        }
        catch (LinePayException exception)
        {
            return (null, await StillDueAsync(order, payment, exception));
        }
    }

    protected virtual async Task<LinePayException> EndAsync(Order order, LinePayOrderPayment payment, LinePayPaymentEvent @event, string what)
    {
        payment.Apply(@event);
        payment.LastReturnCode = LinePayReturnCodes.Success;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"the money of transaction {payment.TransactionId} was given back: {what}.");

        return null;
    }

    // the money is still due: noted once per reason, retried by the scheduled task
    protected virtual async Task<LinePayException> StillDueAsync(Order order, LinePayOrderPayment payment, LinePayException problem)
    {
        var reason = LinePayOrderNoteService.Describe(problem);
        if (payment.OpenProblem != reason)
        {
            payment.OpenProblem = reason;
            payment.Apply(LinePayPaymentEvent.OutcomeUnknown);
            await _orderPaymentService.SaveAsync(order, payment);
            await _noteService.AddNoteAsync(order, $"the money of transaction {payment.TransactionId} is still to be given back ({reason}); the scheduled task tries again.");
        }

        return problem;
    }

    private static async Task VoidAsync(LinePayClient client, LinePayOrderPayment payment)
    {
        try
        {
            await client.VoidPaymentAsync(payment.TransactionId);
        }
        catch (LinePayApiException exception) when (exception.ReturnCode == LinePayReturnCodes.AlreadyRefundedOrVoided)
        {
            //voided already
        }
    }

    private static string Describe(LinePayOrderPayment payment, IList<LinePayRefund> refunds) =>
        string.Join(", ", refunds.Select(refund => $"refund transaction {refund.RefundTransactionId}, {payment.FormatAmount(refund.Amount)}"));
}
