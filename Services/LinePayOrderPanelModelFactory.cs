using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Prepares the LINE Pay panel of the order page from the order's record and the scheduled task's list; it never
/// calls LINE Pay, so the order page opens whether LINE Pay answers or not
/// </summary>
public class LinePayOrderPanelModelFactory
{
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentScheduleService _scheduleService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePayOrderPanelModelFactory(IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService,
        LinePaySubscriptionService subscriptionService)
    {
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _orderPaymentService = orderPaymentService;
        _scheduleService = scheduleService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Prepares the panel of the order; null for an order that is not paid with LINE Pay, or has neither a LINE Pay
    /// payment nor a subscription
    /// </summary>
    public virtual async Task<OrderPanelModel> PrepareAsync(Order order)
    {
        if (order is null || !string.Equals(order.PaymentMethodSystemName, LinePayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return null;

        var payment = await _orderPaymentService.GetAsync(order);
        var subscription = await PrepareSubscriptionAsync(order);
        if (payment is null)
            return subscription is null ? null : new OrderPanelModel { OrderId = order.Id, Subscription = subscription };

        var model = new OrderPanelModel
        {
            HasPayment = true,
            Subscription = subscription,
            OrderId = order.Id,
            Environment = payment.DescribeEnvironment(),
            IsLive = payment.IsLive,
            State = payment.State,
            PayMethods = payment.PayMethods?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            Paid = FormatAmount(payment.PaidAmount, payment.Currency),
            Refunded = payment.Refunds.Count > 0 ? FormatAmount(payment.RefundedAmount, payment.Currency) : null,
            AuthorizationExpiresOnUtc = payment.State == LinePayPaymentState.Authorized ? payment.AuthorizationExpiresOnUtc : null,
            PendingRefund = payment.PendingRefund is { } pending ? FormatAmount(pending.Amount, payment.Currency) : null,
            NextCheckOnUtc = (await _scheduleService.GetAsync(order.Id))?.DueOnUtc
        };
        model.NextStep = NextStepOf(payment.State, model.NextCheckOnUtc);
        foreach (var attempt in payment.EarlierAttempts.Append(LinePayAttempt.Of(payment)))
        {
            model.Attempts.Add(new OrderPanelAttemptModel
            {
                Attempt = attempt.Attempt,
                LinePayOrderId = attempt.LinePayOrderId,
                TransactionId = attempt.TransactionId.ToString(CultureInfo.InvariantCulture),
                State = attempt.State,
                Amount = FormatAmount(attempt.Amount, attempt.Currency),
                RequestedOnUtc = attempt.RequestedOnUtc
            });
        }
        foreach (var refund in payment.Refunds)
        {
            model.Refunds.Add(new OrderPanelRefundModel
            {
                RefundTransactionId = refund.RefundTransactionId.ToString(CultureInfo.InvariantCulture),
                Amount = FormatAmount(refund.Amount, payment.Currency),
                RefundedOnUtc = refund.RefundedOnUtc,
                FromOrderPage = refund.StoreAmount is not null
            });
        }

        return model;
    }

    /// <summary>
    /// Prepares the subscription the order belongs to; null for an order of no subscription paid with LINE Pay
    /// </summary>
    protected virtual async Task<OrderPanelSubscriptionModel> PrepareSubscriptionAsync(Order order)
    {
        if (await _subscriptionService.GetRecurringPaymentAsync(order) is not { } recurringPayment
            || await _subscriptionService.GetAsync(recurringPayment.Id) is not { } subscription)
            return null;

        var model = new OrderPanelSubscriptionModel
        {
            RecurringPaymentId = recurringPayment.Id,
            MaskedRegKey = subscription.MaskedRegKey,
            KeyState = subscription.KeyState,
            KeyReturnCode = subscription.KeyReturnCode,
            KeyIssuedOnUtc = subscription.KeyIssuedOnUtc,
            KeyCheckedOnUtc = subscription.KeyCheckedOnUtc,
            KeyCheckReturnCode = subscription.KeyCheckReturnCode,
            NextCycleOnUtc = recurringPayment is { IsActive: true, Deleted: false }
                ? await _orderProcessingService.GetNextPaymentDateAsync(recurringPayment)
                : null
        };
        foreach (var charge in subscription.Charges)
        {
            var cycleOrder = charge.OrderGuid is { } guid ? await _orderService.GetOrderByGuidAsync(guid) : null;
            model.Cycles.Add(new OrderPanelCycleModel
            {
                Cycle = charge.Cycle,
                LinePayOrderId = charge.LinePayOrderId,
                TransactionId = charge.TransactionId?.ToString(CultureInfo.InvariantCulture),
                Amount = charge.Currency is null ? null : FormatAmount(charge.Amount, charge.Currency),
                State = charge.State,
                ReturnCode = charge.ReturnCode,
                StartedOnUtc = charge.StartedOnUtc,
                OrderId = cycleOrder?.Id,
                CustomOrderNumber = cycleOrder?.CustomOrderNumber
            });
        }

        return model;
    }

    /// <summary>
    /// Formats an amount for people: the currency's decimal places and thousands separators, e.g. "115,200 TWD",
    /// "1,234.50 THB"
    /// </summary>
    public static string FormatAmount(decimal amount, string currency)
    {
        var decimals = LinePayCurrencyScale.SupportedCurrencies.Contains(currency) ? LinePayCurrencyScale.GetDecimals(currency) : 2;
        return $"{amount.ToString($"N{decimals}", CultureInfo.InvariantCulture)} {currency}";
    }

    /// <summary>
    /// Gets what the scheduled task does next with a payment in the state
    /// </summary>
    public static OrderPanelNextStep NextStepOf(LinePayPaymentState state, DateTime? nextCheckOnUtc) => state switch
    {
        LinePayPaymentState.Requested or LinePayPaymentState.Confirming => OrderPanelNextStep.Unconfirmed,
        LinePayPaymentState.Refunding => OrderPanelNextStep.Refunding,
        LinePayPaymentState.ReturnDue => OrderPanelNextStep.ReturnDue,
        LinePayPaymentState.Paid or LinePayPaymentState.Authorized or LinePayPaymentState.HeldForCancelledOrder
            when nextCheckOnUtc is not null => OrderPanelNextStep.Watched,
        LinePayPaymentState.GivenUp => OrderPanelNextStep.GivenUp,
        _ => OrderPanelNextStep.Finished
    };
}
