using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Prepares the LINE Pay panel of the order page from the order's record and the scheduled task's list; it never
/// calls LINE Pay, so the order page opens whether LINE Pay answers or not
/// </summary>
public class LinePayOrderPanelModelFactory
{
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentScheduleService _scheduleService;

    public LinePayOrderPanelModelFactory(LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService)
    {
        _orderPaymentService = orderPaymentService;
        _scheduleService = scheduleService;
    }

    /// <summary>
    /// Prepares the panel of the order; null for an order that is not paid with LINE Pay or has no LINE Pay payment
    /// </summary>
    public virtual async Task<OrderPanelModel> PrepareAsync(Order order)
    {
        if (order is null || !string.Equals(order.PaymentMethodSystemName, LinePayDefaults.SystemName, StringComparison.OrdinalIgnoreCase))
            return null;

        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null)
            return null;

        var model = new OrderPanelModel
        {
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
