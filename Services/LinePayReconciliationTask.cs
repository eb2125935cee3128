using System.Globalization;
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
/// Settles LINE Pay payments nobody finished (the customer closed the browser, LINE Pay did not answer) through the
/// one confirm path, and notes authorizations about to expire
/// </summary>
public class LinePayReconciliationTask : IScheduleTask
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentConfirmationService _confirmationService;

    public LinePayReconciliationTask(ILogger logger,
        IOrderService orderService,
        ISettingService settingService,
        LinePayClientFactory clientFactory,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentConfirmationService confirmationService)
    {
        _logger = logger;
        _orderService = orderService;
        _settingService = settingService;
        _clientFactory = clientFactory;
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

        if (payment.State is not (LinePayPaymentState.Requested or LinePayPaymentState.Confirming)
            || now - payment.RequestedOnUtc < LinePayDefaults.ReconciliationMinimumAge)
            return;

        if (payment.State == LinePayPaymentState.Requested && now - payment.RequestedOnUtc < LinePayDefaults.ReservationLifetime)
        {
            //the customer may still be on LINE Pay's page: confirm only what was approved
            var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
            var status = await _clientFactory.CreateClient(settings).CheckPaymentStatusAsync(payment.TransactionId);
            if (status == PaymentRequestStatus.Reserved)
                return;
        }

        var result = await _confirmationService.ConfirmOrderAsync(order);
        await _logger.InformationAsync($"LINE Pay: unfinished payment of order {order.Id} (transaction {payment.TransactionId}) reconciled: {result.Outcome}.");
    }

    protected virtual async Task NoteExpiringAuthorizationAsync(Order order, LinePayOrderPayment payment, DateTime now)
    {
        if (payment.State != LinePayPaymentState.Authorized || payment.ExpiryNotedOnUtc is not null
            || payment.AuthorizationExpiresOnUtc is not { } expiry || expiry - now > LinePayDefaults.AuthorizationExpiryWarning)
            return;

        await _noteService.AddNoteAsync(order, $"the authorization of transaction {payment.TransactionId} expires on " +
            $"{expiry.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; capture or void it before then.");
        payment.ExpiryNotedOnUtc = now;
        await _orderPaymentService.SaveAsync(order, payment);
    }
}
