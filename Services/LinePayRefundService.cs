using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Localization;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Refunds a captured LINE Pay payment from the order page, fully or partially, as often as the balance allows.
/// nopCommerce asks for amounts in the primary store currency; LINE Pay refunds in the payment's currency.
/// </summary>
public class LinePayRefundService : LinePayAfterSaleService
{
    public LinePayRefundService(LinePayOrderNoteService noteService,
        ILocalizationService localizationService,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderPaymentService orderPaymentService)
        : base(noteService, localizationService, clientFactory, claimService, orderPaymentService)
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
        if (payment.State != LinePayPaymentState.Paid)
            return Failed(await GetResourceAsync("Refund.NotPaid", payment.State));

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

        try
        {
            //without an amount LINE Pay refunds whatever is left, so the last refund never misses a rounding remainder
            var refund = await client.RefundPaymentAsync(payment.TransactionId, wholeRest ? null : amount, payment.Currency);

            return await RefundedAsync(order, payment, refund.RefundTransactionId, amount, "Refund.Done");
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown)
        {
            var refund = FindNewRefund(await ReadPaymentAsync(client, payment), payment, amount);
            if (refund is not null)
                return await RefundedAsync(order, payment, refund.RefundTransactionId, amount, "Refund.DoneFoundInDetails");

            var message = await GetResourceAsync("Refund.Unknown", payment.FormatAmount(amount), payment.TransactionId,
                await DescribeAsync(exception));
            await _noteService.InsertNoteAsync(order, message);

            return Failed(message);
        }
        catch (LinePayApiException exception)
        {
            payment.LastReturnCode = exception.ReturnCode;
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

    private async Task<RefundPaymentResult> RefundedAsync(Order order, LinePayOrderPayment payment, long refundTransactionId,
        decimal amount, string noteKey)
    {
        payment.Refunds.Add(new LinePayRefund { RefundTransactionId = refundTransactionId, Amount = amount, RefundedOnUtc = DateTime.UtcNow });
        payment.LastReturnCode = LinePayReturnCodes.Success;
        await _orderPaymentService.SaveAsync(order, payment);

        await _noteService.InsertNoteAsync(order, await GetResourceAsync(noteKey, payment.FormatAmount(amount), payment.TransactionId,
            refundTransactionId, payment.FormatAmount(payment.RefundableAmount)));

        return new RefundPaymentResult
        {
            NewPaymentStatus = payment.RefundableAmount > decimal.Zero ? PaymentStatus.PartiallyRefunded : PaymentStatus.Refunded
        };
    }

    // a refund of this amount that LINE Pay lists and the record does not know yet
    private static RefundDetailsInfo FindNewRefund(PaymentDetailsInfo details, LinePayOrderPayment payment, decimal amount)
    {
        var known = payment.Refunds.Select(refund => refund.RefundTransactionId).ToHashSet();

        return details?.RefundList?.FirstOrDefault(refund =>
            !known.Contains(refund.RefundTransactionId) && Math.Abs(refund.RefundAmount) == amount);
    }

    private static RefundPaymentResult Failed(string error) => new() { Errors = [error] };
}
