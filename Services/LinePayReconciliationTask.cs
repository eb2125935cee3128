using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Settles LINE Pay payments nobody finished (the customer closed the browser, LINE Pay did not answer, a server died
/// while confirming) through the one confirm path, cancels orders whose payment ended unpaid when the store asks for
/// it, and notes authorizations about to expire
/// </summary>
public class LinePayReconciliationTask : IScheduleTask
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentConfirmationService _confirmationService;

    public LinePayReconciliationTask(ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentConfirmationService confirmationService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _confirmationService = confirmationService;
    }

    /// <summary>
    /// Executes the task
    /// </summary>
    public virtual async Task ExecuteAsync()
    {
        var orders = await _orderService.SearchOrdersAsync(paymentMethodSystemName: LinePayDefaults.SystemName,
            psIds: [(int)PaymentStatus.Pending, (int)PaymentStatus.Authorized]);

        foreach (var order in orders)
        {
            try
            {
                await ReconcileAsync(order);
            }
            catch (Exception exception) when (exception is LinePayException or HttpRequestException)
            {
                await _logger.WarningAsync($"LINE Pay: order {order.Id} could not be reconciled now; the next run tries again.", exception);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                //e.g. a store whose LINE Pay settings are incomplete: the orders of the other stores are still settled
                await _logger.ErrorAsync($"LINE Pay: order {order.Id} (store {order.StoreId}) could not be reconciled: {exception.Message}", exception);
            }
        }
    }

    /// <summary>
    /// Settles one order's payment if it is unfinished and old enough
    /// </summary>
    public virtual async Task ReconcileAsync(Order order)
    {
        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null)
            return;

        var now = DateTime.UtcNow;
        if (order.PaymentStatus == PaymentStatus.Authorized)
        {
            await NoteExpiringAuthorizationAsync(order, payment, now);
            return;
        }

        if (!payment.IsAwaitingConfirmation
            || now - payment.RequestedOnUtc < LinePayDefaults.ReconciliationMinimumAge)
            return;

        //a missing claim means a request is at work on the payment, or died holding the claim
        var result = await _claimService.IsAvailableAsync(order, payment)
            ? await _confirmationService.SettleOrderAsync(order)
            : await _confirmationService.SettleAbandonedAsync(order);
        if (result.Outcome == LinePayConfirmationOutcome.InProgress)
            return;

        await _logger.InformationAsync($"LINE Pay: unfinished payment of order {order.Id} (transaction {payment.TransactionId}) reconciled: {result.Outcome}.");
        if (result.Outcome == LinePayConfirmationOutcome.Refused)
            await CancelUnpaidOrderAsync(order);
    }

    // LINE Pay said the payment was cancelled, expired or failed; the store may want such orders cancelled
    protected virtual async Task CancelUnpaidOrderAsync(Order order)
    {
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
        if (!settings.CancelUnpaidOrders)
            return;

        //not when the customer started a new payment meanwhile
        var current = await _orderService.GetOrderByIdAsync(order.Id);
        var payment = await _orderPaymentService.GetAsync(current);
        if (current.PaymentStatus != PaymentStatus.Pending || payment?.State != LinePayPaymentState.Failed
            || !_orderProcessingService.CanCancelOrder(current))
            return;

        await _orderProcessingService.CancelOrderAsync(current, notifyCustomer: false);
        await _noteService.AddNoteAsync(current, $"the order was cancelled because transaction {payment.TransactionId} was not paid (setting \"Cancel unpaid orders\").");
    }

    protected virtual async Task NoteExpiringAuthorizationAsync(Order order, LinePayOrderPayment payment, DateTime now)
    {
        if (payment.State != LinePayPaymentState.Authorized || payment.ExpiryNotedOnUtc is not null
            || payment.AuthorizationExpiresOnUtc is not { } expiry || expiry - now > LinePayDefaults.AuthorizationExpiryWarning)
            return;

        //a capture or void may be under way: note it on the next run rather than overwrite its record
        if (!await _claimService.TryClaimAsync(order, payment))
            return;

        try
        {
            await _noteService.AddNoteAsync(order,
                $"the authorization of transaction {payment.TransactionId} {LinePayOrderNoteService.DescribeExpiry(expiry)}");
            payment.ExpiryNotedOnUtc = now;
            await _orderPaymentService.SaveAsync(order, payment);
        }
        finally
        {
            await _claimService.ReleaseAsync(order, payment);
        }
    }
}
