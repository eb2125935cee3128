using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Gives the order nopCommerce placed for a subscription's cycle its LINE Pay record, so that it is captured, voided,
/// refunded, watched and shown like any other LINE Pay payment; an order placed unpaid for want of a usable key gets
/// a note saying how the customer pays it
/// </summary>
public class LinePaySubscriptionOrderService
{
    protected readonly IOrderService _orderService;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionOrderService(IOrderService orderService,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePaySubscriptionService subscriptionService)
    {
        _orderService = orderService;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Records the charge of the cycle of the recurring payment the order was placed for; nothing for any other order,
    /// or one recorded already
    /// </summary>
    public virtual async Task RecordCycleOrderAsync(Order order, RecurringPayment recurringPayment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(recurringPayment);

        if (!string.Equals(order.PaymentMethodSystemName, LinePayDefaults.SystemName, StringComparison.OrdinalIgnoreCase)
            || await _orderPaymentService.GetAsync(order) is not null
            || await _subscriptionService.GetAsync(recurringPayment.Id) is not { } subscription
            || subscription.Charges.LastOrDefault(charge => charge.LinePayOrderId == order.SubscriptionTransactionId) is not { } charge)
            return;

        if (charge.State == LinePayCycleState.AwaitingCustomer)
        {
            await _noteService.AddNoteAsync(order, $"cycle {charge.Cycle} of the subscription of order {recurringPayment.InitialOrderId} could not be charged: its key is no longer usable. The customer pays this order at LINE Pay's checkout (\"Retry payment\" on the order's page), which issues a new key for the next cycles.");
            return;
        }

        if (!charge.IsCharged || charge.TransactionId is not { } transactionId)
            return;

        var captured = charge.State == LinePayCycleState.Paid;
        var payment = new LinePayOrderPayment
        {
            Attempt = 1,
            TransactionId = transactionId,
            LinePayOrderId = charge.LinePayOrderId,
            Amount = charge.Amount,
            Currency = charge.Currency,
            PaymentMode = captured ? LinePayPaymentMode.CaptureImmediately : LinePayPaymentMode.AuthorizeOnly,
            Sandbox = charge.Sandbox,
            ApiBaseAddress = charge.ApiBaseAddress,
            LastReturnCode = LinePayReturnCodes.Success,
            RequestedOnUtc = charge.StartedOnUtc,
            ConfirmedOnUtc = charge.StartedOnUtc,
            AuthorizationExpiresOnUtc = captured ? null : charge.AuthorizationExpiresOnUtc
        };
        payment.Apply(captured ? LinePayPaymentEvent.Captured : LinePayPaymentEvent.Authorized);
        await _orderPaymentService.SaveAsync(order, payment);
        await _claimService.AddFirstClaimAsync(order, payment);

        var amount = charge.FormatAmount();
        await _noteService.AddNoteAsync(order, $"cycle {charge.Cycle} of the subscription of order {recurringPayment.InitialOrderId} was {(captured ? "charged" : "authorized")} with the customer's pre-approved key {subscription.MaskedRegKey}: transaction {transactionId}, {amount}, orderId {charge.LinePayOrderId}.");
    }
}
