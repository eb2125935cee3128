using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Finishes LINE Pay payments: the customer's return to the confirm URL, the cancel URL, and any later attempt to
/// settle a payment whose outcome was unknown. Only the order's stored transaction, amount and currency are used; the
/// query only says which order to look at. Confirm is called at most once per transaction from here: under
/// nopCommerce's lock, and holding the payment's claim (atomic in the database, so across instances too), the record
/// is moved to Confirming (and saved) before the call, and a Confirming record is only settled by asking Check and
/// Payment Details.
/// </summary>
public class LinePayPaymentConfirmationService
{
    protected readonly ILocker _locker;
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;

    public LinePayPaymentConfirmationService(ILocker locker,
        ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        ISettingService settingService,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService)
    {
        _locker = locker;
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _settingService = settingService;
        _clientFactory = clientFactory;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
    }

    #region Methods

    /// <summary>
    /// Handles the customer's return to the confirm URL with LINE Pay's transactionId and orderId
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> ConfirmAsync(string orderId, string transactionId)
    {
        var (order, payment) = await FindAsync(orderId, transactionId, transactionIdRequired: true, "confirm");
        if (order is null)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected);

        if (payment.State is LinePayPaymentState.Failed or LinePayPaymentState.Cancelled)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.NotPayable, order);

        return await ConfirmOrderAsync(order);
    }

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
            if (payment is null || !IsPayable(current) || payment.State is not (LinePayPaymentState.Requested or LinePayPaymentState.Confirming))
                return new LinePayConfirmationResult(IsSettled(current) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.NotPayable, current);

            if (!await _claimService.RestoreAbandonedAsync(current))
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, current);

            payment = await _orderPaymentService.GetAsync(current);
            if (!await _claimService.TryClaimAsync(current, payment))
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, current);

            try
            {
                var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(current.StoreId);
                return await SettleFromStatusAsync(current, payment, _clientFactory.CreateClient(settings), confirmIfApproved: false);
            }
            finally
            {
                await _claimService.ReleaseAsync(current, payment);
            }
        });

    /// <summary>
    /// Handles the customer's return to the cancel URL: the attempt is marked cancelled, the order stays pending
    /// </summary>
    public virtual async Task<LinePayConfirmationResult> CancelAsync(string orderId, string transactionId)
    {
        var (order, _) = await FindAsync(orderId, transactionId, transactionIdRequired: false, "cancel");
        if (order is null)
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.Rejected);

        return await WithLockAsync(order, async () =>
        {
            var current = await _orderService.GetOrderByGuidAsync(order.OrderGuid);
            var payment = await _orderPaymentService.GetAsync(current);
            if (payment.State != LinePayPaymentState.Requested)
                return new LinePayConfirmationResult(IsSettled(current) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.NotPayable, current);

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
        LinePayConfirmationOutcome.NotPayable => "Plugins.Payments.LinePay.Return.NotPayable",
        LinePayConfirmationOutcome.Cancelled => "Plugins.Payments.LinePay.Return.Cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A finished payment needs no message.")
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
            return new LinePayConfirmationResult(IsSettled(order) ? LinePayConfirmationOutcome.AlreadyCompleted : LinePayConfirmationOutcome.NotPayable, order);

        if (payment.State is not (LinePayPaymentState.Requested or LinePayPaymentState.Confirming))
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.NotPayable, order);

        //another instance of the web farm may have passed its own lock: only the holder of the claim goes on
        if (!await _claimService.TryClaimAsync(order, payment))
            return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, order);

        try
        {
            var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(order.StoreId);
            var client = _clientFactory.CreateClient(settings);

            //past LINE Pay's reservation lifetime an approval is unlikely to be still open: ask before sending Confirm
            if (payment.State == LinePayPaymentState.Confirming || checkFirst
                || DateTime.UtcNow - payment.RequestedOnUtc >= LinePayDefaults.ReservationLifetime)
                return await SettleFromStatusAsync(order, payment, client, confirmIfApproved: true);

            return await SendConfirmAsync(order, payment, client);
        }
        finally
        {
            await _claimService.ReleaseAsync(order, payment);
        }
    }

    // the record says Confirming (saved) before the call, so a lost answer is never followed by a blind second Confirm
    protected virtual async Task<LinePayConfirmationResult> SendConfirmAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        payment.State = LinePayPaymentState.Confirming;
        await _orderPaymentService.SaveAsync(order, payment);

        return await CallConfirmAsync(order, payment, client);
    }

    protected virtual async Task<LinePayConfirmationResult> CallConfirmAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        ConfirmResponseInfo info;
        try
        {
            info = await client.ConfirmPaymentAsync(payment.TransactionId, payment.Amount, payment.Currency);
        }
        catch (LinePayApiException exception) when (exception.Classification != LinePayReturnCodeClass.Ambiguous)
        {
            return await FailAsync(order, payment, exception.ReturnCode, $"LINE Pay refused the confirmation of transaction {payment.TransactionId}: {exception.ReturnCode} ({exception.ReturnMessage}).");
        }
        catch (LinePayException exception)
        {
            if (exception is LinePayApiException api)
                payment.LastReturnCode = api.ReturnCode;
            await _noteService.AddNoteAsync(order, $"the confirmation of transaction {payment.TransactionId} has no clear answer ({LinePayPaymentRequestService.Describe(exception)}); asking LINE Pay for its status.");

            //Confirm was sent once; whatever happened to it, only Check and Payment Details settle it now
            return await SettleFromStatusAsync(order, payment, client, confirmIfApproved: false);
        }

        if (info.TransactionId != payment.TransactionId)
            return await ReturnMoneyAsync(order, payment, client, $"LINE Pay confirmed transaction {info.TransactionId} instead of {payment.TransactionId}");

        return await FinishAsync(order, payment, client, info.PayInfo, info.AuthorizationExpireDate);
    }

    // Check tells whether the customer approved (0110), LINE Pay completed it (0123), or it ended (0121/0122)
    protected virtual async Task<LinePayConfirmationResult> SettleFromStatusAsync(Order order, LinePayOrderPayment payment,
        LinePayClient client, bool confirmIfApproved)
    {
        PaymentRequestStatus status;
        try
        {
            status = await client.CheckPaymentStatusAsync(payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await UnknownAsync(order, payment, $"the status of transaction {payment.TransactionId} could not be read ({LinePayPaymentRequestService.Describe(exception)})");
        }

        switch (status)
        {
            case PaymentRequestStatus.Completed:
                return await SettleFromDetailsAsync(order, payment, client);

            case PaymentRequestStatus.Authenticated when confirmIfApproved:
                return await SendConfirmAsync(order, payment, client);

            case PaymentRequestStatus.Reserved when payment.State == LinePayPaymentState.Requested:
                //the customer has not approved it (yet): nothing to settle
                return new LinePayConfirmationResult(LinePayConfirmationOutcome.InProgress, order);

            case PaymentRequestStatus.CancelledOrExpired:
                return await FailAsync(order, payment, LinePayReturnCodes.CancelledOrExpired, $"transaction {payment.TransactionId} was cancelled or expired on LINE Pay ({LinePayReturnCodes.CancelledOrExpired}).");

            case PaymentRequestStatus.Failed:
                return await FailAsync(order, payment, LinePayReturnCodes.Failed, $"transaction {payment.TransactionId} failed on LINE Pay ({LinePayReturnCodes.Failed}).");

            default:
                return await UnknownAsync(order, payment, $"LINE Pay reports transaction {payment.TransactionId} as {status}");
        }
    }

    protected virtual async Task<LinePayConfirmationResult> SettleFromDetailsAsync(Order order, LinePayOrderPayment payment, LinePayClient client)
    {
        PaymentDetailsInfo details;
        try
        {
            details = (await client.GetPaymentDetailsAsync(transactionIds: [payment.TransactionId]))
                .FirstOrDefault(entry => entry.TransactionId == payment.TransactionId);
        }
        catch (LinePayException exception)
        {
            return await UnknownAsync(order, payment, $"transaction {payment.TransactionId} is completed but its details could not be read ({LinePayPaymentRequestService.Describe(exception)})");
        }

        if (details is null)
            return await UnknownAsync(order, payment, $"transaction {payment.TransactionId} is completed but Payment Details does not list it");

        return await FinishAsync(order, payment, client, details.PayInfo, details.AuthorizationExpireDate);
    }

    protected virtual async Task<LinePayConfirmationResult> FinishAsync(Order order, LinePayOrderPayment payment, LinePayClient client,
        IList<PayInfo> payInfo, DateTimeOffset? authorizationExpireDate)
    {
        var paid = payInfo?.Sum(info => info.Amount) ?? 0m;
        if (paid != payment.Amount)
            return await ReturnMoneyAsync(order, payment, client,
                $"LINE Pay's payInfo adds up to {paid.ToString(CultureInfo.InvariantCulture)} {payment.Currency}, not the {payment.FormatAmount()} requested");

        var capture = payment.PaymentMode == LinePayPaymentMode.CaptureImmediately;
        var transactionId = payment.TransactionId.ToString(CultureInfo.InvariantCulture);
        var methods = string.Join(", ", payInfo.Select(info => info.Method).Where(method => !string.IsNullOrEmpty(method)));

        order.AuthorizationTransactionId = transactionId;
        order.AuthorizationTransactionResult = $"LINE Pay {(capture ? "captured" : "authorized")} {payment.FormatAmount()}";
        if (capture)
        {
            order.CaptureTransactionId = transactionId;
            order.CaptureTransactionResult = order.AuthorizationTransactionResult;
        }
        await _orderService.UpdateOrderAsync(order);

        payment.ConfirmedOnUtc = DateTime.UtcNow;
        payment.LastReturnCode = LinePayReturnCodes.Success;
        payment.AuthorizationExpiresOnUtc = capture ? null : authorizationExpireDate?.UtcDateTime;
        await _noteService.AddNoteAsync(order, $"payment {(capture ? "captured" : "authorized")}: transaction {transactionId}, {payment.FormatAmount()}" +
            (string.IsNullOrEmpty(methods) ? "." : $" ({methods})."));

        if (capture)
        {
            if (_orderProcessingService.CanMarkOrderAsPaid(order))
                await _orderProcessingService.MarkOrderAsPaidAsync(order);
        }
        else
        {
            if (_orderProcessingService.CanMarkOrderAsAuthorized(order))
                await _orderProcessingService.MarkAsAuthorizedAsync(order);
            await _noteService.AddNoteAsync(order, payment.AuthorizationExpiresOnUtc is { } expiry
                ? $"the authorization expires on {expiry.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; capture or void it before then."
                : "LINE Pay did not say when the authorization expires; capture or void it soon.");
        }

        payment.State = capture ? LinePayPaymentState.Paid : LinePayPaymentState.Authorized;
        await _orderPaymentService.SaveAsync(order, payment);

        return new LinePayConfirmationResult(capture ? LinePayConfirmationOutcome.Paid : LinePayConfirmationOutcome.Authorized, order);
    }

    // LINE Pay took a payment that does not match the order: give the money back at once and leave the order pending
    protected virtual async Task<LinePayConfirmationResult> ReturnMoneyAsync(Order order, LinePayOrderPayment payment, LinePayClient client, string problem)
    {
        string outcome;
        try
        {
            if (payment.PaymentMode == LinePayPaymentMode.CaptureImmediately)
            {
                var refund = await client.RefundPaymentAsync(payment.TransactionId, null, payment.Currency);
                outcome = $"the payment was refunded in full (refund transaction {refund.RefundTransactionId})";
            }
            else
            {
                await client.VoidPaymentAsync(payment.TransactionId);
                outcome = "the authorization was voided";
            }
        }
        catch (LinePayException exception)
        {
            outcome = $"returning the money failed ({LinePayPaymentRequestService.Describe(exception)}): refund or void transaction {payment.TransactionId} in LINE Pay Merchant Center";
            await _logger.ErrorAsync($"LINE Pay transaction {payment.TransactionId} of order {order.Id} does not match the order and could not be returned; return it in LINE Pay Merchant Center.", exception);
        }

        payment.State = LinePayPaymentState.Failed;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{problem}; {outcome}. The order stays pending.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.AmountMismatch, order);
    }

    protected virtual async Task<LinePayConfirmationResult> FailAsync(Order order, LinePayOrderPayment payment, string returnCode, string note)
    {
        payment.State = LinePayPaymentState.Failed;
        payment.LastReturnCode = returnCode;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{note} The order stays pending; the customer can retry the payment.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.Refused, order, returnCode);
    }

    protected virtual async Task<LinePayConfirmationResult> UnknownAsync(Order order, LinePayOrderPayment payment, string problem)
    {
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.AddNoteAsync(order, $"{problem}. The payment stays unconfirmed until LINE Pay tells its outcome; do not mark the order as paid by hand before checking LINE Pay Merchant Center.");

        return new LinePayConfirmationResult(LinePayConfirmationOutcome.Unknown, order, payment.LastReturnCode);
    }

    protected static bool IsPayable(Order order) =>
        !order.Deleted && order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending;

    protected static bool IsSettled(Order order) =>
        order is not null && order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized;

    private static string Truncate(string value) =>
        value is null ? string.Empty : (value.Length > 64 ? value[..64] + "…" : value).ReplaceLineEndings(" ");

    #endregion
}
