using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Writes LINE Pay's answer about a payment into its record and the order: the order takes money LINE Pay holds when
/// the amounts add up and the order (read again) is still open; otherwise the money is given back, or held for the shop
/// owner when the store does not give back payments of cancelled orders by itself. The caller holds the payment's claim.
/// </summary>
public class LinePayPaymentOutcomeService
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayMoneyReturnService _moneyReturnService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayOrderSyncService _orderSyncService;
    protected readonly LinePaySubscriptionKeyService _subscriptionKeyService;

    public LinePayPaymentOutcomeService(ILogger logger,
        IOrderService orderService,
        ISettingService settingService,
        LinePayMoneyReturnService moneyReturnService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayOrderSyncService orderSyncService,
        LinePaySubscriptionKeyService subscriptionKeyService)
    {
        _logger = logger;
        _orderService = orderService;
        _settingService = settingService;
        _moneyReturnService = moneyReturnService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _orderSyncService = orderSyncService;
        _subscriptionKeyService = subscriptionKeyService;
    }

    /// <summary>
    /// LINE Pay confirmed the payment (Confirm's answer, or Check and Payment Details): the order is marked paid or
    /// authorized when what LINE Pay holds matches the request and the order can still take it
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> TakeAsync(Order order, LinePayOrderPayment payment, LinePayClient client,
        LinePayTransactionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(facts);

        switch (facts.PayStatus)
        {
            case LinePayPayStatus.VoidedAuthorization:
                return await EndedAsync(order, payment, LinePayPaymentEvent.Voided, "was voided on LINE Pay (LINE Pay Merchant Center)");
            case LinePayPayStatus.ExpiredAuthorization:
                return await EndedAsync(order, payment, LinePayPaymentEvent.AuthorizationExpired, "expired on LINE Pay uncaptured");
        }

        if (facts.PaidAmount != payment.Amount || (facts.Currency is not null && facts.Currency != payment.Currency))
        {
            var paid = $"{facts.PaidAmount.ToString(CultureInfo.InvariantCulture)} {facts.Currency ?? payment.Currency}";
            return await ReturnMoneyAsync(order, payment, client, LinePayConfirmationOutcome.AmountMismatch,
                $"LINE Pay took {paid} for transaction {payment.TransactionId}, not the {payment.FormatAmount()} requested");
        }

        if (facts.RefundedAmount >= facts.PaidAmount)
        {
            LinePayRefundMirror.Apply(payment, facts.Refunds, DateTime.UtcNow);
            return await EndedAsync(order, payment, null, "was refunded in full on LINE Pay (LINE Pay Merchant Center)");
        }

        var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid) ?? order;
        if (!LinePayOrderSyncService.CanTakeMoney(current))
            return await MoneyForCancelledOrderAsync(current, payment, client);

        var capture = facts.PayStatus == LinePayPayStatus.Capture;
        payment.ConfirmedOnUtc ??= DateTime.UtcNow;
        payment.LastReturnCode = LinePayReturnCodes.Success;
        if (!string.IsNullOrEmpty(facts.Methods))
            payment.PayMethods = facts.Methods;
        payment.AuthorizationExpiresOnUtc = capture ? null : facts.AuthorizationExpireDate?.UtcDateTime;
        payment.Apply(capture ? LinePayPaymentEvent.Captured : LinePayPaymentEvent.Authorized);
        var refunds = LinePayRefundMirror.Apply(payment, facts.Refunds, DateTime.UtcNow);
        await _orderPaymentService.SaveAsync(current, payment);

        await _noteService.AddNoteAsync(current, $"payment {(capture ? "captured" : "authorized")}: transaction {payment.TransactionId}, {payment.FormatAmount()}" +
            (string.IsNullOrEmpty(facts.Methods) ? "." : $" ({facts.Methods})."));
        if (!capture)
        {
            await _noteService.AddNoteAsync(current, payment.AuthorizationExpiresOnUtc is { } expiry
                ? $"the authorization {LinePayOrderNoteService.DescribeExpiry(expiry)}"
                : "LINE Pay did not say when the authorization expires; capture or void it soon.");
        }

        //the subscription has its key before the order is marked paid: a paid first order always has its subscription
        if (payment.Preapproved)
            await _subscriptionKeyService.KeyIssuedAsync(current, payment, facts.RegKey);

        current = await _orderSyncService.SyncAsync(current, payment, refunds);

        return new LinePayConfirmationResult(capture ? LinePayConfirmationOutcome.Paid : LinePayConfirmationOutcome.Authorized, current);
    }

    /// <summary>
    /// LINE Pay holds money for an order that was cancelled or deleted: it is given back when the store's setting says
    /// so, otherwise the order is noted and an error logged for the shop owner
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> MoneyForCancelledOrderAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        var why = $"order {order.CustomOrderNumber} is {(order.Deleted ? "deleted" : "cancelled")} while LINE Pay holds {payment.FormatAmount(payment.PaidAmount - payment.RefundedAmount)} for it (transaction {payment.TransactionId})";
        if (settings.RefundPaymentsOfCancelledOrders)
            return await ReturnMoneyAsync(order, payment, client, LinePayConfirmationOutcome.OrderCancelled, why);

        //reported already (the setting was read as on a moment ago, and is off now)
        if (!payment.Allows(LinePayPaymentEvent.MoneyHeld))
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.MoneyHeld, order);

        payment.ConfirmedOnUtc ??= DateTime.UtcNow;
        payment.Apply(LinePayPaymentEvent.MoneyHeld);
        await _orderPaymentService.SaveAsync(order, payment);
        var note = $"{why}. The setting \"Refund payments of cancelled orders\" is off: refund it from the order page or in LINE Pay Merchant Center.";
        await _noteService.AddNoteAsync(order, note);
        await _logger.ErrorAsync($"LINE Pay: {note}");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.MoneyHeld, order);
    }

    /// <summary>
    /// LINE Pay says nothing was paid (cancelled, expired or failed there, or the Confirm was refused and Check agrees):
    /// the attempt ends; the customer may pay again
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> NotPaidAsync(Order order, LinePayOrderPayment payment,
        LinePayPaymentEvent @event, string returnCode, string note)
    {
        payment.Apply(@event);
        payment.LastReturnCode = returnCode;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, note);

        var outcome = @event switch
        {
            LinePayPaymentEvent.CustomerCancelled => LinePayConfirmationOutcome.Cancelled,
            LinePayPaymentEvent.OrderCancelled => LinePayConfirmationOutcome.NotPayable,
            _ => LinePayConfirmationOutcome.Refused
        };
        return new LinePayConfirmationResult(outcome, order, returnCode);
    }

    /// <summary>
    /// LINE Pay's answer is not known: the record stays open and the scheduled task asks again. The reason is noted
    /// once (not on every refresh or task run), so that nobody marks the order paid by hand meanwhile.
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> UnknownAsync(Order order, LinePayOrderPayment payment, string problem,
        LinePayException exception = null)
    {
        payment.Apply(LinePayPaymentEvent.OutcomeUnknown);
        if (exception is LinePayApiException api)
            payment.LastReturnCode = api.ReturnCode;
        if (payment.OpenProblem != problem)
        {
            payment.OpenProblem = problem;
            await _orderPaymentService.SaveAsync(order, payment);
            await _noteService.AddNoteAsync(order, payment.State == LinePayPaymentState.Refunding
                ? $"{problem}. No other refund is sent until LINE Pay shows whether the refund of {payment.FormatAmount(payment.PendingRefund?.Amount ?? 0m)} was made."
                : $"{problem}. The payment stays unconfirmed until LINE Pay tells its outcome; do not mark the order as paid by hand before checking LINE Pay Merchant Center.");
        }

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.Unknown, order, payment.LastReturnCode, exception);
    }

    // LINE Pay holds money the order cannot take: the record says so (saved) before anything is sent back
    protected virtual async Task<LinePayConfirmationResult> ReturnMoneyAsync(Order order, LinePayOrderPayment payment,
        LinePayClient client, LinePayConfirmationOutcome outcome, string problem)
    {
        payment.ConfirmedOnUtc ??= DateTime.UtcNow;
        payment.Apply(LinePayPaymentEvent.MoneyToReturn);
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{problem}; the money is given back to the customer.");

        var stillDue = await _moneyReturnService.ReturnAsync(order, payment, client);

        return new LinePayConfirmationResult(payment.State == LinePayPaymentState.HeldForCancelledOrder ? LinePayConfirmationOutcome.MoneyHeld : outcome,
            order, payment.LastReturnCode, stillDue);
    }

    // LINE Pay ended the payment before the store settled it (voided, expired, refunded in Merchant Center): the order stays as it is
    protected virtual async Task<LinePayConfirmationResult> EndedAsync(Order order, LinePayOrderPayment payment,
        LinePayPaymentEvent? @event, string what)
    {
        payment.ConfirmedOnUtc ??= DateTime.UtcNow;
        if (@event is { } happened)
            payment.Apply(happened);
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"transaction {payment.TransactionId} {what} before the store settled it; LINE Pay holds nothing for the order.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.NotPayable, order);
    }
}
