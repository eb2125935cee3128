using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The one way a LINE Pay payment is finished, whoever asks (the customer's return, a retried payment, the
/// reconciliation task): decides who may change the payment and which way it is settled. Confirm is called at most
/// once per transaction: under nopCommerce's lock, and holding the payment's claim (atomic in the database, so across
/// instances too), the record is moved to Confirming (and saved) before the call, and a Confirming record is only
/// settled by asking Check and Payment Details (<see cref="LinePayPaymentSettlementService"/>).
/// </summary>
public class LinePayPaymentConfirmationService
{
    protected readonly ILocker _locker;
    protected readonly IOrderService _orderService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentSettlementService _settlementService;

    public LinePayPaymentConfirmationService(ILocker locker,
        IOrderService orderService,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentSettlementService settlementService)
    {
        _locker = locker;
        _orderService = orderService;
        _clientFactory = clientFactory;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _settlementService = settlementService;
    }

    #region Methods

    /// <summary>
    /// Finishes the stored LINE Pay payment of the order: confirms a Requested one, settles a Confirming one with
    /// Check and Payment Details. Safe to call again at any time; used by the confirm return and by a retried payment.
    /// </summary>
    public virtual Task<LinePayConfirmationResult> ConfirmOrderAsync(Order order) =>
        WithLockAsync(order, () => ConfirmLockedAsync(order.OrderGuid, checkFirst: false));

    /// <summary>
    /// Finishes the stored LINE Pay payment of the order when nobody saw the customer approve it (the reconciliation
    /// task, a retried payment): asks Check first and confirms only an approved payment; a reservation the customer
    /// is still looking at is left alone
    /// </summary>
    public virtual Task<LinePayConfirmationResult> SettleOrderAsync(Order order) =>
        WithLockAsync(order, () => ConfirmLockedAsync(order.OrderGuid, checkFirst: true));

    /// <summary>
    /// Settles a payment whose claim was lost with the request that held it (its server died): once the record has
    /// been idle long enough the claim is put back and taken, and LINE Pay is only asked (Check, Payment Details):
    /// a payment LINE Pay completed is marked paid, an ended one noted, an approved one left for the next attempt
    /// to confirm. Answers InProgress while the claim's holder may still be at work.
    /// </summary>
    public virtual Task<LinePayConfirmationResult> SettleAbandonedAsync(Order order) =>
        WithLockAsync(order, async () =>
        {
            var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
            var payment = await _orderPaymentService.GetAsync(current);
            if (payment is null || !IsPayable(current) || !payment.IsAwaitingConfirmation)
                return NotToBeConfirmed(current);

            payment = await _claimService.RestoreAndClaimAsync(current);
            if (payment is null)
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, current);

            try
            {
                var client = await _clientFactory.CreateClientAsync(current.StoreId);
                return await _settlementService.SettleFromStatusAsync(current, payment, client, confirmIfApproved: false);
            }
            finally
            {
                await _claimService.ReleaseAsync(current, payment);
            }
        });

    /// <summary>
    /// Marks the order's Requested LINE Pay payment as cancelled by the customer (the cancel return); the order stays
    /// pending. A payment already past Requested, or being confirmed elsewhere, is left as it is.
    /// </summary>
    public virtual Task<LinePayConfirmationResult> CancelOrderAsync(Order order) =>
        WithLockAsync(order, async () =>
        {
            var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
            var payment = await _orderPaymentService.GetAsync(current);
            if (payment?.State != LinePayPaymentState.Requested)
                return NotToBeConfirmed(current);

            //a confirm on another server holds the claim: its answer from LINE Pay decides, not this return
            if (!await _claimService.TryClaimAsync(current, payment))
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, current);

            try
            {
                payment.State = LinePayPaymentState.Cancelled;
                await _orderPaymentService.SaveAsync(current, payment);
                await _noteService.AddNoteAsync(current, $"the customer cancelled the payment on LINE Pay (transaction {payment.TransactionId}). The order stays pending.");
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.Cancelled, current);
            }
            finally
            {
                await _claimService.ReleaseAsync(current, payment);
            }
        });

    #endregion

    #region Utilities

    // runs the action under nopCommerce's lock of the order; when another request holds it, tells where the order stands
    protected virtual async Task<LinePayConfirmationResult> WithLockAsync(Order order, Func<Task<LinePayConfirmationResult>> action)
    {
        ArgumentNullException.ThrowIfNull(order);

        LinePayConfirmationResult result = null;
        var locked = await _locker.PerformActionWithLockAsync(string.Format(LinePayDefaults.ConfirmLockKey, order.OrderGuid),
            LinePayDefaults.ConfirmLockExpiration, async () => result = await action());
        if (locked && result is not null)
            return result;

        var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
        return new LinePayConfirmationResult(IsSettled(current) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.InProgress, current);
    }

    protected virtual async Task<LinePayConfirmationResult> ConfirmLockedAsync(Guid orderGuid, bool checkFirst)
    {
        //read again under the lock: another request may have finished the payment meanwhile
        var order = await _orderService.GetOrderByGuidAsync(orderGuid);
        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected);

        if (payment.IsConfirmed)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.AlreadyCompleted, order);

        if (!IsPayable(order))
            return NotToBeConfirmed(order);

        if (!payment.IsAwaitingConfirmation)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.NotPayable, order);

        //another instance of the web farm may have passed its own lock: only the holder of the claim goes on
        if (!await _claimService.TryClaimAsync(order, payment))
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, order);

        try
        {
            var client = await _clientFactory.CreateClientAsync(order.StoreId);

            //past LINE Pay's reservation lifetime an approval is unlikely to be still open: ask before sending Confirm
            if (payment.State == LinePayPaymentState.Confirming || checkFirst
                || DateTime.UtcNow - payment.RequestedOnUtc >= LinePayDefaults.ReservationLifetime)
                return await _settlementService.SettleFromStatusAsync(order, payment, client, confirmIfApproved: true);

            return await _settlementService.SendConfirmAsync(order, payment, client);
        }
        finally
        {
            await _claimService.ReleaseAsync(order, payment);
        }
    }

    protected static bool IsPayable(Order order) =>
        !order.Deleted && order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending;

    // an order that is not (or no longer) waiting for this payment: paid already, or not payable
    protected static LinePayConfirmationResult NotToBeConfirmed(Order order) =>
        new(IsSettled(order) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.NotPayable, order);

    protected static bool IsSettled(Order order) =>
        order is not null && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized;

    #endregion
}
