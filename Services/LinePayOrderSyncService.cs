using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Makes nopCommerce's order say what its LINE Pay record says, through nopCommerce's own order processing: paid or
/// authorized once LINE Pay holds the money, voided once the authorization is gone, refunded as far as LINE Pay
/// refunded. The record is always saved first, so that a server dying between the two writes leaves a record ahead of
/// its order, which the next sync repairs. The caller holds the payment's claim.
/// </summary>
public class LinePayOrderSyncService
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderNoteService _noteService;

    public LinePayOrderSyncService(ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        LinePayOrderNoteService noteService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _noteService = noteService;
    }

    /// <summary>
    /// Brings the order (read again here) in line with the record
    /// </summary>
    /// <param name="newRefunds">Refunds LINE Pay made that the record learned just now, named in the note</param>
    /// <returns>The order as it stands afterwards</returns>
    public virtual async Task<Order> SyncAsync(Order order, LinePayOrderPayment payment, IList<LinePayRefund> newRefunds = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
        switch (payment.State)
        {
            //a cancelled or deleted order takes no money; what it holds is given back instead
            case LinePayPaymentState.Paid when CanTakeMoney(current) && current.PaymentStatus is PaymentStatus.Pending or PaymentStatus.Authorized:
                await MarkPaidAsync(current, payment);
                break;

            case LinePayPaymentState.Authorized when CanTakeMoney(current) && current.PaymentStatus == PaymentStatus.Pending:
                await MarkAuthorizedAsync(current, payment);
                break;

            case LinePayPaymentState.Voided or LinePayPaymentState.AuthorizationExpired or LinePayPaymentState.Refunded
                when current.PaymentStatus == PaymentStatus.Authorized && _orderProcessingService.CanVoidOffline(current):
                await _orderProcessingService.VoidOfflineAsync(current);
                await _noteService.AddNoteAsync(current, $"LINE Pay holds no authorization for transaction {payment.TransactionId} any more ({payment.State}); the order is marked as voided.");
                break;
        }

        await RecordRefundsAsync(current, payment, newRefunds);

        return current;
    }

    /// <summary>
    /// Gets a value indicating whether the order can still take a payment: neither cancelled nor deleted
    /// </summary>
    public static bool CanTakeMoney(Order order) =>
        order is not null && !order.Deleted && order.OrderStatus != OrderStatus.Cancelled;

    /// <summary>
    /// Gets how much nopCommerce should show refunded, in the primary store currency: what the admin asked for each
    /// refund made from the order page, other refunds converted at the payment's rate, all of it once LINE Pay holds
    /// nothing. For <see cref="LinePayDefaults.StoreRefundGrace"/> after a refund reported to nopCommerce as done,
    /// nopCommerce may or may not have recorded it yet: it counts as recorded only when the order shows more refunded
    /// than the other refunds, so that no refund is ever recorded twice (one that is not counted now is counted once
    /// the grace is over).
    /// </summary>
    public static decimal ExpectedRefundedAmount(Order order, LinePayOrderPayment payment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        if (payment.Refunds.Count == 0)
            return decimal.Zero;
        if (payment.RefundableAmount <= decimal.Zero)
            return order.OrderTotal;

        decimal inStoreCurrency(LinePayRefund refund) => refund.StoreAmount ?? ToStoreCurrency(refund.Amount, order, payment);
        var all = payment.Refunds.Sum(inStoreCurrency);
        var settled = payment.Refunds
            .Where(refund => !refund.ReportedToStore || nowUtc - refund.RefundedOnUtc >= LinePayDefaults.StoreRefundGrace)
            .Sum(inStoreCurrency);

        return Math.Min(order.RefundedAmount > settled ? all : settled, order.OrderTotal);
    }

    /// <summary>
    /// Converts an amount of the payment's currency into the primary store currency at the rate the payment was made at
    /// </summary>
    public static decimal ToStoreCurrency(decimal amount, Order order, LinePayOrderPayment payment) =>
        payment.Amount <= decimal.Zero ? decimal.Zero : Math.Round(amount * order.OrderTotal / payment.Amount, 2);

    protected virtual async Task MarkPaidAsync(Order order, LinePayOrderPayment payment)
    {
        var transactionId = payment.TransactionId.ToString(CultureInfo.InvariantCulture);
        var result = $"LINE Pay captured {payment.FormatAmount(payment.PaidAmount)}";
        order.AuthorizationTransactionId ??= transactionId;
        order.AuthorizationTransactionResult ??= result;
        order.CaptureTransactionId = transactionId;
        order.CaptureTransactionResult = result;
        await _orderService.UpdateOrderAsync(order);

        if (!_orderProcessingService.CanMarkOrderAsPaid(order))
            return;

        await _orderProcessingService.MarkOrderAsPaidAsync(order);
        await WarnOfTestMoneyAsync(order, payment, "paid");
    }

    protected virtual async Task MarkAuthorizedAsync(Order order, LinePayOrderPayment payment)
    {
        order.AuthorizationTransactionId = payment.TransactionId.ToString(CultureInfo.InvariantCulture);
        order.AuthorizationTransactionResult = $"LINE Pay authorized {payment.FormatAmount()}";
        await _orderService.UpdateOrderAsync(order);

        if (!_orderProcessingService.CanMarkOrderAsAuthorized(order))
            return;

        await _orderProcessingService.MarkAsAuthorizedAsync(order);
        await WarnOfTestMoneyAsync(order, payment, "authorized");
    }

    // a shop that went live with the sandbox still on ships orders nobody paid for: the log says so every time
    protected virtual async Task WarnOfTestMoneyAsync(Order order, LinePayOrderPayment payment, string marked)
    {
        if (payment.IsLive || payment.DescribeEnvironment() is not { } environment)
            return;

        await _logger.WarningAsync($"LINE Pay: order {order.CustomOrderNumber} was marked as {marked} by a payment in the {environment}, where no money moves. " +
            "Untick \"Use sandbox\" and clear \"API base address\" on the LINE Pay configuration page before selling for real.");
    }

    // refunds LINE Pay made that nopCommerce does not show yet (Merchant Center, a refund whose answer was lost, the
    // return of money) are recorded as nopCommerce's offline refunds
    protected virtual async Task RecordRefundsAsync(Order order, LinePayOrderPayment payment, IList<LinePayRefund> newRefunds)
    {
        if (order.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.PartiallyRefunded))
            return;

        var missing = ExpectedRefundedAmount(order, payment, DateTime.UtcNow) - order.RefundedAmount;
        if (missing <= decimal.Zero)
            return;

        if (order.RefundedAmount == decimal.Zero && missing == order.OrderTotal && _orderProcessingService.CanRefundOffline(order))
            await _orderProcessingService.RefundOfflineAsync(order);
        else if (_orderProcessingService.CanPartiallyRefundOffline(order, missing))
            await _orderProcessingService.PartiallyRefundOfflineAsync(order, missing);
        else
            return;

        var refunds = newRefunds is { Count: > 0 }
            ? string.Join(", ", newRefunds.Select(refund => $"refund transaction {refund.RefundTransactionId} ({payment.FormatAmount(refund.Amount)})"))
            : $"{payment.FormatAmount(payment.RefundedAmount)} in all";
        await _noteService.AddNoteAsync(order, string.Format(CultureInfo.InvariantCulture,
            "LINE Pay refunded transaction {0}: {1}. {2:0.00} (in the store's primary currency) is recorded as refunded in the order; {3} is left on LINE Pay.",
            payment.TransactionId, refunds, missing, payment.FormatAmount(payment.RefundableAmount)));
    }
}
