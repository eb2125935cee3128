using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Refunds a captured LINE Pay payment from the order page, fully or partially, as often as the balance allows.
/// nopCommerce asks for amounts in the primary store currency; LINE Pay refunds in the payment's currency.
/// </summary>
public class LinePayRefundService : LinePayAfterSaleService
{
    public LinePayRefundService(ILocalizationService localizationService,
        ILogger logger,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService)
        : base(localizationService, logger, clientFactory, claimService, noteService, orderPaymentService, scheduleService)
    {
    }

    /// <summary>
    /// Refunds the amount nopCommerce asks for; on success the result says Refunded once nothing is left to refund on
    /// LINE Pay, PartiallyRefunded otherwise
    /// </summary>
    public virtual async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request?.Order);

        return await WithClaimAsync(request.Order, payment => RefundClaimedAsync(request, payment), Failed);
    }

    protected virtual async Task<RefundPaymentResult> RefundClaimedAsync(RefundPaymentRequest request, LinePayOrderPayment payment)
    {
        var order = request.Order;
        if (payment.State == LinePayPaymentState.Refunding)
        {
            //the scheduled task asks Payment Details at its next run
            await _scheduleService.ScheduleAsync(order.Id, DateTime.UtcNow);
            return Failed(await RefuseAsync(order, payment, LinePayPaymentEvent.RefundSent, await GetResourceAsync("Refund.Pending",
                payment.FormatAmount(payment.PendingRefund?.Amount ?? decimal.Zero), payment.TransactionId)));
        }
        if (payment.State == LinePayPaymentState.Refunded)
            return Failed(await GetResourceAsync("Refund.NothingLeft", payment.TransactionId));
        if (!payment.Allows(LinePayPaymentEvent.RefundSent))
            return Failed(await RefuseAsync(order, payment, LinePayPaymentEvent.RefundSent, await GetResourceAsync("Refund.NotPaid", payment.State)));

        var refundable = payment.RefundableAmount;
        if (refundable <= decimal.Zero)
            return Failed(await GetResourceAsync("Refund.NothingLeft", payment.TransactionId));

        var wholeRest = !request.IsPartialRefund || request.AmountToRefund == order.OrderTotal - order.RefundedAmount;
        var amount = wholeRest ? refundable : ConvertToPaymentCurrency(request.AmountToRefund, order, payment);
        if (amount <= decimal.Zero)
            return Failed(await GetResourceAsync("Refund.TooSmall", payment.Currency));
        if (amount > refundable || request.AmountToRefund > order.OrderTotal - order.RefundedAmount)
            return Failed(await GetResourceAsync("Refund.ExceedsRefundable", payment.FormatAmount(amount), payment.FormatAmount(refundable)));
        wholeRest = amount == refundable;

        var client = await CreateClientAsync(order);
        if (client is null)
            return Failed(await GetResourceAsync("AfterSale.NotConfigured"));

        //the record says a refund is under way before it is sent: whatever becomes of the answer, no second refund
        //is sent until LINE Pay shows whether this one was made
        payment.PendingRefund = new LinePayPendingRefund { Amount = amount, StoreAmount = request.AmountToRefund, SentOnUtc = DateTime.UtcNow };
        payment.Apply(LinePayPaymentEvent.RefundSent);
        await _orderPaymentService.SaveAsync(order, payment);

        try
        {
            //without an amount LINE Pay refunds whatever is left, so the last refund never misses a rounding remainder
            var refund = await client.RefundPaymentAsync(payment.TransactionId, wholeRest ? null : amount, payment.Currency);
            var refunds = LinePayRefundMirror.Apply(payment, [new RefundDetailsInfo
            {
                RefundTransactionId = refund.RefundTransactionId,
                RefundAmount = -amount,
                RefundTransactionDate = DateTimeOffset.UtcNow
            }], DateTime.UtcNow);

            return await RefundedAsync(order, payment, refunds, "Refund.Done");
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown)
        {
            var details = await ReadPaymentAsync(client, payment);
            var refunds = details is null ? [] : LinePayRefundMirror.Apply(payment, details.RefundList, DateTime.UtcNow);
            if (payment.State != LinePayPaymentState.Refunding && refunds.Any(refund => refund.StoreAmount is not null))
                return await RefundedAsync(order, payment, refunds, "Refund.DoneFoundInDetails");

            var message = await GetResourceAsync("Refund.Unknown", payment.FormatAmount(amount), payment.TransactionId,
                await DescribeAsync(exception));
            payment.OpenProblem = message;
            await _orderPaymentService.SaveAsync(order, payment);
            await _noteService.InsertNoteAsync(order, message);

            return Failed(message);
        }
        catch (LinePayApiException exception)
        {
            payment.PendingRefund = null;
            payment.LastReturnCode = exception.ReturnCode;
            payment.Apply(LinePayPaymentEvent.RefundRefused);
            await _orderPaymentService.SaveAsync(order, payment);

            return Failed(await GetResourceAsync("Refund.Refused", payment.FormatAmount(amount), await DescribeAsync(exception)));
        }
    }

    /// <summary>
    /// Converts an amount of the primary store currency into the payment's currency at the rate the payment was made
    /// at (the amount requested from LINE Pay over the order total), rounded to the currency's decimal places
    /// </summary>
    public static decimal ConvertToPaymentCurrency(decimal amount, Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        if (order.OrderTotal <= decimal.Zero)
            return decimal.Zero;

        var converted = amount * payment.Amount / order.OrderTotal;

        return LinePayCurrencyScale.Round(converted, payment.Currency);
    }

    // the refund is reported to nopCommerce as done, which records it in the order
    private async Task<RefundPaymentResult> RefundedAsync(Order order, LinePayOrderPayment payment, IList<LinePayRefund> refunds,
        string noteKey)
    {
        var refund = refunds.First(made => made.StoreAmount is not null);
        refund.ReportedToStore = true;
        refund.RefundedOnUtc = DateTime.UtcNow;
        payment.LastReturnCode = LinePayReturnCodes.Success;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.InsertNoteAsync(order, await GetResourceAsync(noteKey, payment.FormatAmount(refund.Amount), payment.TransactionId,
            refund.RefundTransactionId, payment.FormatAmount(payment.RefundableAmount)));

        return new RefundPaymentResult
        {
            NewPaymentStatus = payment.RefundableAmount > decimal.Zero ? PaymentStatus.PartiallyRefunded : PaymentStatus.Refunded
        };
    }

    private static RefundPaymentResult Failed(string error) => new() { Errors = [error] };
}
