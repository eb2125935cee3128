using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Finishes a customer's LINE Pay payment when the customer comes back from LINE Pay (the confirm or the cancel
/// return): decides which way it is settled. Confirm is called at most once per
/// transaction: holding the order's lock and the payment's claim (<see cref="LinePayPaymentLockService"/>), the record
/// is moved to Confirming (and saved) before the call, and a Confirming record is only settled by asking Check and
/// Payment Details (<see cref="LinePayPaymentSettlementService"/>).
/// </summary>
public class LinePayPaymentConfirmationService
{
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayPaymentLockService _lockService;
    protected readonly LinePayPaymentOutcomeService _outcomeService;
    protected readonly LinePayPaymentSettlementService _settlementService;

    public LinePayPaymentConfirmationService(LinePayClientFactory clientFactory,
        LinePayPaymentLockService lockService,
        LinePayPaymentOutcomeService outcomeService,
        LinePayPaymentSettlementService settlementService)
    {
        _clientFactory = clientFactory;
        _lockService = lockService;
        _outcomeService = outcomeService;
        _settlementService = settlementService;
    }

    #region Methods

    /// <summary>
    /// Finishes the stored LINE Pay payment of the order: confirms a Requested one, settles a Confirming one with
    /// Check and Payment Details. Safe to call again at any time; used by the confirm return.
    /// </summary>
    public virtual Task<LinePayConfirmationResult> ConfirmOrderAsync(Order order) =>
        WithClaimAsync(order, (current, payment) => FinishAsync(current, payment));

    /// <summary>
    /// Takes the customer's cancel return. The return needs no more than the orderId, so LINE Pay is asked first: the
    /// attempt is marked cancelled only when LINE Pay shows it cancelled or ended; an approved payment is confirmed,
    /// a completed one settled, and one LINE Pay cannot tell about is left for the scheduled task.
    /// </summary>
    public virtual Task<LinePayConfirmationResult> CancelOrderAsync(Order order) =>
        WithClaimAsync(order, async (current, payment) =>
        {
            var client = await _clientFactory.CreateClientAsync(current.StoreId);
            var (status, unknown) = await _settlementService.CheckAsync(current, payment, client);

            //what the customer did is what they see; the scheduled task settles the record once LINE Pay tells
            if (unknown is not null)
                return unknown with { Outcome = LinePayConfirmationOutcome.Cancelled };

            switch (status)
            {
                case PaymentRequestStatus.Reserved:
                    return new LinePayConfirmationResult(LinePayConfirmationOutcome.Cancelled, current);

                case PaymentRequestStatus.CancelledOrExpired:
                    return await _outcomeService.NotPaidAsync(current, payment, LinePayPaymentEvent.CustomerCancelled, LinePayReturnCodes.CancelledOrExpired,
                        $"the customer cancelled the payment on LINE Pay (transaction {payment.TransactionId}, {LinePayReturnCodes.CancelledOrExpired}); nothing was paid. The order stays pending.");
                case PaymentRequestStatus.Failed:
                    return await _outcomeService.NotPaidAsync(current, payment, LinePayPaymentEvent.CustomerCancelled, LinePayReturnCodes.Failed,
                        $"the payment failed on LINE Pay and the customer came back without paying (transaction {payment.TransactionId}, {LinePayReturnCodes.Failed}); nothing was paid. The order stays pending.");

                //approved or completed after all (another tab, the LINE app): finished like a confirm return
                default:
                    return await _settlementService.SettleAsync(current, payment, client, status, WaitsForPayment(current));
            }
        }, requireRequested: true);

    /// <summary>
    /// Gets the outcome a finished (or given up) payment stands for, for whoever arrives after it was settled
    /// </summary>
    public static LinePayConfirmationResult ResultOf(Order order, LinePayOrderPayment payment) => payment.State switch
    {
        LinePayPaymentState.Paid or LinePayPaymentState.Authorized or LinePayPaymentState.Refunding
            => new(IsSettled(order) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.InProgress, order),
        LinePayPaymentState.ReturnDue => new(LinePayOrderSyncService.CanTakeMoney(order)
            ? LinePayConfirmationOutcome.AmountMismatch : LinePayConfirmationOutcome.OrderCancelled, order),
        LinePayPaymentState.HeldForCancelledOrder => new(LinePayConfirmationOutcome.MoneyHeld, order),
        LinePayPaymentState.Requested or LinePayPaymentState.Confirming or LinePayPaymentState.GivenUp
            => new(LinePayConfirmationOutcome.Unknown, order),
        _ => new(IsSettled(order) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.NotPayable, order)
    };

    /// <summary>
    /// Gets a value indicating whether the order still waits for a LINE Pay payment: neither cancelled nor deleted,
    /// and its payment pending (an order the admin marked paid meanwhile is not charged)
    /// </summary>
    public static bool WaitsForPayment(Order order) =>
        LinePayOrderSyncService.CanTakeMoney(order) && order.PaymentStatus == PaymentStatus.Pending;

    #endregion

    #region Utilities

    protected virtual async Task<LinePayConfirmationResult> FinishAsync(Order order, LinePayOrderPayment payment)
    {
        if (!payment.IsAwaitingConfirmation)
            return ResultOf(order, payment);

        //no Confirm was ever sent for a Requested payment: an order that does not wait for it any more simply lets it go
        if (payment.State == LinePayPaymentState.Requested && !WaitsForPayment(order))
        {
            return await _outcomeService.NotPaidAsync(order, payment, LinePayPaymentEvent.OrderCancelled, payment.LastReturnCode,
                $"order {order.CustomOrderNumber} no longer waits for a payment ({order.OrderStatus}, {order.PaymentStatus}); transaction {payment.TransactionId} is not confirmed and nothing was paid.");
        }

        var client = await _clientFactory.CreateClientAsync(order.StoreId);

        //past LINE Pay's reservation lifetime an approval is unlikely to be still open: ask before sending Confirm
        if (payment.State == LinePayPaymentState.Confirming
            || DateTime.UtcNow - payment.RequestedOnUtc >= LinePayDefaults.ReservationLifetime)
            return await _settlementService.SettleFromStatusAsync(order, payment, client, WaitsForPayment(order));

        return await _settlementService.SendConfirmAsync(order, payment, client);
    }

    protected virtual Task<LinePayConfirmationResult> WithClaimAsync(Order order,
        Func<Order, LinePayOrderPayment, Task<LinePayConfirmationResult>> action, bool requireRequested = false) =>
        _lockService.RunAsync(order,
            (current, payment) => payment is null ? new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected)
                : (requireRequested ? payment.State != LinePayPaymentState.Requested : !payment.IsAwaitingConfirmation) ? ResultOf(current, payment)
                : null,
            action,
            current => new LinePayConfirmationResult(IsSettled(current) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.InProgress, current));

    protected static bool IsSettled(Order order) =>
        order is not null && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized;

    #endregion
}
