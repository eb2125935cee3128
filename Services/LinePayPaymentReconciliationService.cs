using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Does what is due for one order's LINE Pay payment, whatever happened to the order meanwhile: an open outcome is
/// asked of LINE Pay (Check, Payment Details) and settled, money to give back is given back, money LINE Pay holds is
/// compared with Payment Details (refunds and voids done in LINE Pay Merchant Center), money held for an order that
/// was cancelled or deleted is given back or reported, and the order is brought in line with the record. Used by the
/// scheduled task, and when an order is cancelled or deleted.
/// </summary>
public class LinePayPaymentReconciliationService
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayMoneyReturnService _moneyReturnService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayOrderSyncService _orderSyncService;
    protected readonly LinePayPaymentLockService _lockService;
    protected readonly LinePayPaymentOutcomeService _outcomeService;
    protected readonly LinePayPaymentReviewService _reviewService;
    protected readonly LinePayPaymentSettlementService _settlementService;

    public LinePayPaymentReconciliationService(ILogger logger,
        IOrderProcessingService orderProcessingService,
        ISettingService settingService,
        LinePayClientFactory clientFactory,
        LinePayMoneyReturnService moneyReturnService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayOrderSyncService orderSyncService,
        LinePayPaymentLockService lockService,
        LinePayPaymentOutcomeService outcomeService,
        LinePayPaymentReviewService reviewService,
        LinePayPaymentSettlementService settlementService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _settingService = settingService;
        _clientFactory = clientFactory;
        _moneyReturnService = moneyReturnService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _orderSyncService = orderSyncService;
        _lockService = lockService;
        _outcomeService = outcomeService;
        _reviewService = reviewService;
        _settlementService = settlementService;
    }

    /// <summary>
    /// Does what is due for the order's payment now; another request working on it is left alone
    /// </summary>
    /// <param name="askNow">Whether the shop owner asks from the order page: LINE Pay is asked about a reservation the
    /// customer may still be looking at, and about a payment the task gave up on</param>
    /// <exception cref="ArgumentException">The order's store has no usable LINE Pay settings</exception>
    public virtual Task<LinePayReconciliation> ReconcileAsync(Order order, bool askNow = false) =>
        _lockService.RunAsync(order,
            (_, payment) => payment is null ? new LinePayReconciliation(null, false, null) : null,
            (current, payment) => ReconcileClaimedAsync(current, payment, askNow),
            _ => new LinePayReconciliation(null, false, null, Busy: true));

    protected virtual async Task<LinePayReconciliation> ReconcileClaimedAsync(Order order, LinePayOrderPayment payment, bool askNow)
    {
        var before = payment.State;
        var orderBefore = (order.OrderStatus, order.PaymentStatus, order.RefundedAmount);
        var client = await _clientFactory.CreateClientAsync(order.StoreId);
        LinePayException problem = null;
        IList<LinePayRefund> newRefunds = [];

        switch (payment.State)
        {
            case LinePayPaymentState.Requested when !LinePayPaymentConfirmationService.WaitsForPayment(order):
                await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.OrderCancelled, payment.LastReturnCode,
                    $"order {order.CustomOrderNumber} no longer waits for a payment ({order.OrderStatus}, {order.PaymentStatus}); transaction {payment.TransactionId} is not confirmed and nothing was paid.");
                break;

            case LinePayPaymentState.Requested when !askNow && DateTime.UtcNow - payment.RequestedOnUtc < LinePayDefaults.ReconciliationMinimumAge:
                //the customer may still be on LINE Pay's page
                break;

            //a payment given up on before LINE Pay confirmed it is asked about like an unconfirmed one
            case LinePayPaymentState.Requested or LinePayPaymentState.Confirming:
            case LinePayPaymentState.GivenUp when askNow && payment.ConfirmedOnUtc is null:
                problem = (await _settlementService.SettleFromStatusAsync(order, payment, client,
                    LinePayPaymentConfirmationService.WaitsForPayment(order))).Problem;
                break;

            case LinePayPaymentState.ReturnDue:
                problem = await _moneyReturnService.ReturnAsync(order, payment, client);
                break;

            case LinePayPaymentState.Refunding or LinePayPaymentState.Paid or LinePayPaymentState.Authorized
                or LinePayPaymentState.HeldForCancelledOrder:
                var review = await _reviewService.ReviewAsync(order, payment, client);
                (problem, newRefunds) = (review.Problem, review.NewRefunds);
                break;
        }

        var current = await _orderSyncService.SyncAsync(order, payment, newRefunds);
        //LINE Pay just did not answer: the money is given back at the next run, not after another timeout now
        if (problem?.IsNoAnswer != true && !LinePayOrderSyncService.CanTakeMoney(current) && await ShouldGiveBackAsync(current, payment))
        {
            problem ??= (await _outcomeService.MoneyForCancelledOrderAsync(current, payment, client)).Problem;
            current = await _orderSyncService.SyncAsync(current, payment);
        }

        if (payment.State == LinePayPaymentState.Failed && before != LinePayPaymentState.Failed)
            await CancelUnpaidOrderAsync(current, payment);
        await GiveUpIfTooOldAsync(current, payment);
        await NoteExpiringAuthorizationAsync(current, payment);

        return new LinePayReconciliation(payment.State, payment.State != before, problem,
            OrderChanged: newRefunds.Count > 0 || (current.OrderStatus, current.PaymentStatus, current.RefundedAmount) != orderBefore);
    }

    // LINE Pay said the payment was cancelled, expired or failed; the store may want such orders cancelled
    protected virtual async Task CancelUnpaidOrderAsync(Order order, LinePayOrderPayment payment)
    {
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        if (!settings.CancelUnpaidOrders || !LinePayPaymentConfirmationService.WaitsForPayment(order)
            || !_orderProcessingService.CanCancelOrder(order))
            return;

        await _orderProcessingService.CancelOrderAsync(order, notifyCustomer: false);
        await _noteService.AddNoteAsync(order, $"the order was cancelled because transaction {payment.TransactionId} was not paid (setting \"Cancel unpaid orders\").");
    }

    // money LINE Pay holds for a cancelled or deleted order: given back, or reported once (and again when the setting is turned on)
    protected virtual async Task<bool> ShouldGiveBackAsync(Order order, LinePayOrderPayment payment)
    {
        if (payment.State is LinePayPaymentState.Paid or LinePayPaymentState.Authorized)
            return true;
        if (payment.State != LinePayPaymentState.HeldForCancelledOrder)
            return false;

        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        return settings.RefundPaymentsOfCancelledOrders;
    }

    // an outcome LINE Pay never told within the age limit: one note, one error, and the task stops asking
    protected virtual async Task GiveUpIfTooOldAsync(Order order, LinePayOrderPayment payment)
    {
        var openSince = payment.OpenSinceUtc ?? payment.RequestedOnUtc;
        if (!LinePayPaymentStateMachine.IsOpen(payment.State) || DateTime.UtcNow - openSince < LinePayDefaults.GiveUpAfter)
            return;

        var state = payment.State;
        payment.Apply(LinePayPaymentEvent.GiveUp);
        await _orderPaymentService.SaveAsync(order, payment);
        var note = $"LINE Pay has not told the outcome of transaction {payment.TransactionId} ({state}) since {openSince:yyyy-MM-dd HH:mm} UTC; the store stops asking. Check the transaction in LINE Pay Merchant Center and settle the order by hand.";
        await _noteService.AddNoteAsync(order, note);
        await _logger.ErrorAsync($"LINE Pay: order {order.Id}: {note}");
    }

    protected virtual async Task NoteExpiringAuthorizationAsync(Order order, LinePayOrderPayment payment)
    {
        var now = DateTime.UtcNow;
        if (payment.State != LinePayPaymentState.Authorized || payment.ExpiryNotedOnUtc is not null
            || payment.AuthorizationExpiresOnUtc is not { } expiry || expiry - now > LinePayDefaults.AuthorizationExpiryWarning)
            return;

        payment.ExpiryNotedOnUtc = now;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"the authorization of transaction {payment.TransactionId} {LinePayOrderNoteService.DescribeExpiry(expiry)}");
    }
}
