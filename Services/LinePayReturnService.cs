using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Takes the customer's returns from LINE Pay (the confirm URL and the cancel URL). The query only says which order to
/// look at: it must name the order's stored LINE Pay orderId (and transactionId) exactly, or nothing is changed; the
/// payment itself is finished or cancelled by <see cref="LinePayPaymentConfirmationService"/> from the stored record.
/// </summary>
public class LinePayReturnService
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentConfirmationService _confirmationService;

    public LinePayReturnService(ILogger logger,
        IOrderService orderService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentConfirmationService confirmationService)
    {
        _logger = logger;
        _orderService = orderService;
        _orderPaymentService = orderPaymentService;
        _confirmationService = confirmationService;
    }

    #region Methods

    /// <summary>
    /// Handles the customer's return to the confirm URL with LINE Pay's transactionId and orderId
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> ConfirmAsync(string orderId, string transactionId)
    {
        var (order, _) = await FindAsync(orderId, transactionId, transactionIdRequired: true, "confirm");
        if (order is null)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected);

        return await _confirmationService.ConfirmOrderAsync(order);
    }

    /// <summary>
    /// Handles the customer's return to the cancel URL: the attempt is marked cancelled, the order stays pending
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> CancelAsync(string orderId, string transactionId)
    {
        var (order, _) = await FindAsync(orderId, transactionId, transactionIdRequired: false, "cancel");
        if (order is null)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected);

        return await _confirmationService.CancelOrderAsync(order);
    }

    /// <summary>
    /// Gets the resource of the message shown to the customer for an outcome other than a finished payment
    /// </summary>
    public static string GetCustomerMessageResource(LinePayConfirmationOutcome outcome) => outcome switch
    {
        LinePayConfirmationOutcome.Rejected => "Plugins.Payments.LinePay.Return.Invalid",
        LinePayConfirmationOutcome.InProgress => "Plugins.Payments.LinePay.Return.BeingProcessed",
        LinePayConfirmationOutcome.Unknown => "Plugins.Payments.LinePay.Return.BeingVerified",
        LinePayConfirmationOutcome.Refused => "Plugins.Payments.LinePay.Return.Refused",
        LinePayConfirmationOutcome.AmountMismatch => "Plugins.Payments.LinePay.Return.AmountMismatch",
        LinePayConfirmationOutcome.OrderCancelled => "Plugins.Payments.LinePay.Return.OrderCancelled",
        LinePayConfirmationOutcome.MoneyHeld => "Plugins.Payments.LinePay.Return.MoneyHeld",
        LinePayConfirmationOutcome.NotPayable => "Plugins.Payments.LinePay.Return.NotPayable",
        LinePayConfirmationOutcome.Cancelled => "Plugins.Payments.LinePay.Return.Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A finished payment needs no message.")
    };

    /// <summary>
    /// Gets the resource of the message shown when the return arrives in a browser without the session of the order's
    /// customer (often LINE's in-app browser), who cannot see the order's pages there; it takes the order number as {0}
    /// </summary>
    public static string GetOtherBrowserMessageResource(LinePayConfirmationOutcome outcome) => outcome switch
    {
        LinePayConfirmationOutcome.Paid or LinePayConfirmationOutcome.Authorized or LinePayConfirmationOutcome.AlreadyCompleted
            => "Plugins.Payments.LinePay.Return.OtherBrowser.Paid",
        LinePayConfirmationOutcome.InProgress or LinePayConfirmationOutcome.Unknown => "Plugins.Payments.LinePay.Return.OtherBrowser.BeingVerified",
        LinePayConfirmationOutcome.Refused => "Plugins.Payments.LinePay.Return.OtherBrowser.Refused",
        LinePayConfirmationOutcome.AmountMismatch => "Plugins.Payments.LinePay.Return.OtherBrowser.AmountMismatch",
        LinePayConfirmationOutcome.OrderCancelled => "Plugins.Payments.LinePay.Return.OtherBrowser.OrderCancelled",
        LinePayConfirmationOutcome.MoneyHeld => "Plugins.Payments.LinePay.Return.OtherBrowser.MoneyHeld",
        LinePayConfirmationOutcome.NotPayable => "Plugins.Payments.LinePay.Return.OtherBrowser.NotPayable",
        LinePayConfirmationOutcome.Cancelled => "Plugins.Payments.LinePay.Return.OtherBrowser.Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A rejected return names no order.")
    };

    #endregion

    #region Utilities

    // the order and its record when the query names them exactly; otherwise a warning in the log and nothing else
    protected virtual async Task<(Order Order, LinePayOrderPayment Payment)> FindAsync(string orderId, string transactionId,
        bool transactionIdRequired, string action)
    {
        async Task<(Order, LinePayOrderPayment)> rejectAsync(string reason)
        {
            await _logger.WarningAsync($"LINE Pay {action} return ignored: {reason} (orderId '{Truncate(orderId)}', transactionId '{Truncate(transactionId)}').");
            return (null, null);
        }

        if (!LinePayOrderIds.TryParse(orderId, out var orderGuid, out _))
            return await rejectAsync("the orderId is missing or not one this store sends");

        long? parsedTransactionId = null;
        if (transactionIdRequired || !string.IsNullOrEmpty(transactionId))
        {
            if (!long.TryParse(transactionId, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                return await rejectAsync("the transactionId is missing or not a number");
            parsedTransactionId = value;
        }

        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        if (order is null || order.Deleted)
            return await rejectAsync("no such order");
        if (!string.Equals(order.PaymentMethodSystemName, LinePayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return await rejectAsync($"order {order.Id} is not paid with LINE Pay");

        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null || payment.LinePayOrderId != orderId)
            return await rejectAsync($"order {order.Id} has no LINE Pay payment with this orderId");
        if (parsedTransactionId is { } id && id != payment.TransactionId)
            return await rejectAsync($"the transactionId is not the one stored for order {order.Id}");

        return (order, payment);
    }

    private static string Truncate(string value) =>
        value is null ? string.Empty : (value.Length > 64 ? value[..64] + "…" : value).ReplaceLineEndings(" ");

    #endregion
}
