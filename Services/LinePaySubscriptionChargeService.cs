using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Catalog;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Charges a subscription's next cycle with the customer's pre-approved key (Pay Preapproved), for nopCommerce's
/// ProcessNextRecurringPaymentAsync: from the scheduled task, the admin's "Process next payment" or the customer's
/// "Retry last payment". As safe as Confirm: one request at a time per subscription (its claim), one LINE Pay orderId
/// per try of a cycle (LINE Pay refuses to charge it twice), the charge recorded before it is sent and its answer
/// before nopCommerce places the cycle's order, and an unknown outcome settled through Payment Details, never by
/// charging again.
/// </summary>
public class LinePaySubscriptionChargeService
{
    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly INotificationService _notificationService;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly IProductService _productService;
    protected readonly ISettingService _settingService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderAmountService _amountService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePaySubscriptionKeyService _keyService;
    protected readonly LinePaySubscriptionLockService _lockService;
    protected readonly LinePaySubscriptionOrderService _subscriptionOrderService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionChargeService(ILocalizationService localizationService,
        ILogger logger,
        INotificationService notificationService,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        IProductService productService,
        ISettingService settingService,
        LinePayClientFactory clientFactory,
        LinePayOrderAmountService amountService,
        LinePayOrderNoteService noteService,
        LinePaySubscriptionKeyService keyService,
        LinePaySubscriptionLockService lockService,
        LinePaySubscriptionOrderService subscriptionOrderService,
        LinePaySubscriptionService subscriptionService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _notificationService = notificationService;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _productService = productService;
        _settingService = settingService;
        _clientFactory = clientFactory;
        _amountService = amountService;
        _noteService = noteService;
        _keyService = keyService;
        _lockService = lockService;
        _subscriptionOrderService = subscriptionOrderService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Charges the next cycle of the subscription the request's first order started. Success places the cycle's
    /// order paid or authorized (or unpaid, for the customer to pay at LINE Pay's checkout when the key can no longer be
    /// used); a refusal LINE Pay gave is a failed payment for nopCommerce (its e-mail to the customer, its setting that
    /// cancels the subscription); anything else (not due, in progress, outcome unknown) is an error that changes
    /// nothing, so the cycle can be charged later.
    /// </summary>
    public virtual async Task<ProcessPaymentResult> ChargeAsync(ProcessPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.InitialOrder);

        var initialOrder = request.InitialOrder;
        var recurringPayment = await _subscriptionService.GetByInitialOrderAsync(initialOrder.Id);
        if (recurringPayment is not { IsActive: true })
            return await RefusedAsync("Subscription.NotActive");
        if (initialOrder.PaymentStatus is not (PaymentStatus.Paid or PaymentStatus.Authorized or PaymentStatus.PartiallyRefunded))
            return await RefusedAsync("Subscription.FirstOrderNotPaid", initialOrder.CustomOrderNumber);
        if (await _orderProcessingService.GetNextPaymentDateAsync(recurringPayment) is not { } next)
            return await RefusedAsync("Subscription.NotActive");
        //"Process next payment" may charge the coming cycle early, never one after it: a second click charges nothing
        if (PreviousCycleDate(recurringPayment, next) is var earliest && earliest > DateTime.UtcNow)
            return await RefusedAsync("Subscription.NotDue", next.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                earliest.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));

        var busy = await RefusedAsync("Subscription.InProgress");

        return await _lockService.RunAsync(recurringPayment,
            (current, subscription) => ChargeClaimedAsync(current, subscription, initialOrder, request),
            () => busy);
    }

    /// <summary>
    /// Gets the date of the cycle before the one due on the date
    /// </summary>
    public static DateTime PreviousCycleDate(RecurringPayment recurringPayment, DateTime nextCycleDate) => recurringPayment.CyclePeriod switch
    {
        Core.Domain.Catalog.RecurringProductCyclePeriod.Days => nextCycleDate.AddDays(-recurringPayment.CycleLength),
        Core.Domain.Catalog.RecurringProductCyclePeriod.Weeks => nextCycleDate.AddDays(-7 * recurringPayment.CycleLength),
        Core.Domain.Catalog.RecurringProductCyclePeriod.Months => nextCycleDate.AddMonths(-recurringPayment.CycleLength),
        Core.Domain.Catalog.RecurringProductCyclePeriod.Years => nextCycleDate.AddYears(-recurringPayment.CycleLength),
        _ => nextCycleDate
    };

    protected virtual async Task<ProcessPaymentResult> ChargeClaimedAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, ProcessPaymentRequest request)
    {
        if (subscription is null)
            return await RefusedAsync("Subscription.FirstOrderNotPaid", initialOrder.CustomOrderNumber);

        //nopCommerce counts the first order as cycle 1; read under the claim, as another request may just have charged
        var cycle = (await _orderService.GetRecurringPaymentHistoryAsync(recurringPayment)).Count + 1;
        var charge = subscription.ChargeOf(cycle);
        if (charge?.IsCharged == true)
            return await ChargedBeforeAsync(recurringPayment, subscription, initialOrder, request, charge);

        var client = await _clientFactory.CreateClientAsync(initialOrder.StoreId);
        if (charge?.IsOpen == true)
        {
            if (charge.State == LinePayCycleState.Charging && DateTime.UtcNow - charge.StartedOnUtc < LinePayDefaults.ChargeInFlightFor)
                return await RefusedAsync("Subscription.InProgress");

            var found = await LinePayCycleChargeLookup.FindAsync(client, charge);
            if (found is null)
                return await RefusedAsync("Subscription.Unknown", cycle);
            if (found.Value)
                return await ChargedAsync(recurringPayment, subscription, initialOrder, request, charge);
            //LINE Pay holds nothing for the try: it is sent again with its orderId, which LINE Pay charges once at most
        }
        else
        {
            //an earlier cycle's order waits for the customer's payment: no further cycle is placed meanwhile
            if (await _subscriptionService.GetWaitingOrderAsync(subscription, cycle) is { } waiting)
                return await RefusedAsync("Subscription.WaitsForCustomer", waiting.CustomOrderNumber);

            charge = null;
        }

        if (!await _keyService.AdoptPendingKeyAsync(recurringPayment, subscription) || _subscriptionService.GetKey(subscription) is not { } regKey)
        {
            return subscription.KeyState is LinePayRegKeyState.Expired or LinePayRegKeyState.ExpireDue
                ? await RefusedAsync("Subscription.NotActive")
                : await AwaitCustomerAsync(recurringPayment, subscription, initialOrder, request, cycle);
        }

        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(initialOrder.StoreId);
        if (subscription.Currency is { } keyCurrency && keyCurrency != settings.CurrencyCode)
        {
            await _logger.ErrorAsync($"LINE Pay: subscription {recurringPayment.Id} cannot be charged: its key pays in {keyCurrency}, the store's LINE Pay currency is now {settings.CurrencyCode}.");
            return await RefusedAsync("Subscription.CurrencyChanged", keyCurrency, settings.CurrencyCode);
        }

        var amount = await _amountService.GetAmountAsync(CycleOrder(initialOrder, request), settings.CurrencyCode);
        if (charge is null)
        {
            var @try = subscription.Charges.Count(earlier => earlier.Cycle == cycle) + 1;
            charge = new LinePayCycleCharge
            {
                Cycle = cycle,
                Try = @try,
                LinePayOrderId = LinePayOrderIds.ForCycle(initialOrder.OrderGuid, cycle, @try),
                Amount = amount.Amount,
                Currency = amount.Currency
            };
            subscription.Charges.Add(charge);
        }
        charge.State = LinePayCycleState.Charging;
        charge.OrderGuid = request.OrderGuid;
        charge.StartedOnUtc = DateTime.UtcNow;
        charge.Sandbox = settings.UseSandbox;
        charge.ApiBaseAddress = string.IsNullOrWhiteSpace(settings.ApiBaseAddress) ? null : settings.ApiBaseAddress.Trim();
        //recorded before it is sent: a server dying during the call leaves a charge the next request asks LINE Pay about
        await _subscriptionService.SaveAsync(recurringPayment, subscription);

        try
        {
            var info = await client.PayPreapprovedAsync(regKey, new PreapprovedPaymentRequest
            {
                ProductName = await ProductNameAsync(initialOrder, cycle),
                Amount = charge.Amount,
                Currency = charge.Currency,
                OrderId = charge.LinePayOrderId,
                Capture = settings.PaymentMode == LinePayPaymentMode.CaptureImmediately
            });
            charge.TransactionId = info.TransactionId;
            charge.State = settings.PaymentMode == LinePayPaymentMode.CaptureImmediately ? LinePayCycleState.Paid : LinePayCycleState.Authorized;
            charge.AuthorizationExpiresOnUtc = info.AuthorizationExpireDate?.UtcDateTime;

            return await ChargedAsync(recurringPayment, subscription, initialOrder, request, charge);
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown)
        {
            return await UnknownAsync(recurringPayment, subscription, initialOrder, request, charge, client, exception);
        }
        catch (LinePayApiException exception)
        {
            return await DeclinedAsync(recurringPayment, subscription, initialOrder, charge, exception);
        }
    }

    // the cycle was charged by an earlier request: nopCommerce places its order once, with the charge's transaction
    protected virtual async Task<ProcessPaymentResult> ChargedBeforeAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, ProcessPaymentRequest request, LinePayCycleCharge charge)
    {
        //the request that charged it may still be placing the order
        if (DateTime.UtcNow - charge.StartedOnUtc < LinePayDefaults.ChargeInFlightFor)
            return await RefusedAsync("Subscription.InProgress");

        if (charge.OrderGuid is { } orderGuid && await _orderService.GetOrderByGuidAsync(orderGuid) is { Deleted: false } placed)
        {
            //the order was placed but the server died before nopCommerce added it to the history
            await _orderService.InsertRecurringPaymentHistoryAsync(new RecurringPaymentHistory
            {
                RecurringPaymentId = recurringPayment.Id,
                OrderId = placed.Id,
                CreatedOnUtc = DateTime.UtcNow
            });
            await _subscriptionOrderService.RecordCycleOrderAsync(placed, recurringPayment);
            await _noteService.AddNoteAsync(initialOrder, $"cycle {charge.Cycle} was charged (transaction {charge.TransactionId}) and its order {placed.CustomOrderNumber} placed, but not added to the subscription's history; it is added now.");
            return await RefusedAsync("Subscription.AlreadyCharged", charge.Cycle, placed.CustomOrderNumber);
        }

        await _noteService.AddNoteAsync(initialOrder, $"cycle {charge.Cycle} was charged (transaction {charge.TransactionId}) but its order was never placed; it is placed now, without charging again.");
        return await ChargedAsync(recurringPayment, subscription, initialOrder, request, charge);
    }

    protected virtual async Task<ProcessPaymentResult> ChargedAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, ProcessPaymentRequest request, LinePayCycleCharge charge)
    {
        charge.OrderGuid = request.OrderGuid;
        charge.ReturnCode = null;
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        var captured = charge.State == LinePayCycleState.Paid;
        var transactionId = charge.TransactionId?.ToString(CultureInfo.InvariantCulture);
        var amount = charge.FormatAmount();
        await _noteService.AddNoteAsync(initialOrder, $"cycle {charge.Cycle} {(captured ? "charged" : "authorized")} with the subscription's key {subscription.MaskedRegKey}: transaction {transactionId}, {amount}, orderId {charge.LinePayOrderId}.");

        var result = new ProcessPaymentResult
        {
            NewPaymentStatus = captured ? PaymentStatus.Paid : PaymentStatus.Authorized,
            SubscriptionTransactionId = charge.LinePayOrderId,
            AuthorizationTransactionId = transactionId,
            AuthorizationTransactionResult = $"LINE Pay authorized {amount}"
        };
        if (captured)
        {
            result.CaptureTransactionId = transactionId;
            result.CaptureTransactionResult = $"LINE Pay captured {amount}";
        }

        return result;
    }

    // LINE Pay did not tell: Payment Details is asked by the try's orderId; nothing is sent again until it tells
    protected virtual async Task<ProcessPaymentResult> UnknownAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, ProcessPaymentRequest request, LinePayCycleCharge charge, LinePayClient client, LinePayException exception)
    {
        if (await LinePayCycleChargeLookup.FindAsync(client, charge) == true)
            return await ChargedAsync(recurringPayment, subscription, initialOrder, request, charge);

        charge.State = LinePayCycleState.Unknown;
        charge.ReturnCode = (exception as LinePayApiException)?.ReturnCode;
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        await _noteService.AddNoteAsync(initialOrder, $"LINE Pay did not tell whether cycle {charge.Cycle} was charged ({LinePayOrderNoteService.Describe(exception)}; orderId {charge.LinePayOrderId}). Nothing is charged again before Payment Details says it was not.");
        await _logger.WarningAsync($"LINE Pay: the charge of cycle {charge.Cycle} of subscription {recurringPayment.Id} has no known outcome: {exception.Message}");

        return await RefusedAsync("Subscription.Unknown", charge.Cycle);
    }

    // LINE Pay refused: nothing was taken; a key LINE Pay no longer accepts sends the next cycle to the customer
    protected virtual async Task<ProcessPaymentResult> DeclinedAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, LinePayCycleCharge charge, LinePayApiException exception)
    {
        charge.State = LinePayCycleState.Declined;
        charge.ReturnCode = exception.ReturnCode;
        var keyLost = LinePayReturnCodes.IsRegKeyUnusable(exception.ReturnCode);
        if (keyLost)
        {
            subscription.KeyState = LinePayRegKeyState.Unusable;
            subscription.KeyReturnCode = exception.ReturnCode;
        }
        await _subscriptionService.SaveAsync(recurringPayment, subscription);

        var why = LinePayOrderNoteService.Describe(exception);
        await _noteService.AddNoteAsync(initialOrder, $"LINE Pay refused to charge cycle {charge.Cycle}: {why}." + (keyLost
            ? $" The key {subscription.MaskedRegKey} can no longer be used: the customer pays the next cycle at LINE Pay's checkout, which issues a new key."
            : string.Empty));
        await _logger.WarningAsync($"LINE Pay: cycle {charge.Cycle} of subscription {recurringPayment.Id} was refused: {why}");

        var reason = await _localizationService.GetResourceAsync(keyLost ? "Plugins.Payments.LinePay.Subscription.KeyUnusable" : "Plugins.Payments.LinePay.Subscription.Declined");
        return new ProcessPaymentResult
        {
            Errors = [string.Format(reason, charge.Cycle, exception.ReturnCode)],
            //a temporary error of LINE Pay's is not the customer's failed payment
            RecurringPaymentFailed = exception.Classification != LinePayReturnCodeClass.Retryable
        };
    }

    // no usable key: the cycle's order is placed unpaid, and the customer pays it at LINE Pay's checkout
    protected virtual async Task<ProcessPaymentResult> AwaitCustomerAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order initialOrder, ProcessPaymentRequest request, int cycle)
    {
        var @try = subscription.Charges.Count(earlier => earlier.Cycle == cycle) + 1;
        var charge = new LinePayCycleCharge
        {
            Cycle = cycle,
            Try = @try,
            LinePayOrderId = LinePayOrderIds.ForCycle(initialOrder.OrderGuid, cycle, @try),
            State = LinePayCycleState.AwaitingCustomer,
            OrderGuid = request.OrderGuid,
            StartedOnUtc = DateTime.UtcNow
        };
        subscription.Charges.Add(charge);
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        _notificationService.WarningNotification(string.Format(CultureInfo.InvariantCulture,
            await _localizationService.GetResourceAsync("Plugins.Payments.LinePay.Subscription.AwaitsCustomer"), cycle));
        await _noteService.AddNoteAsync(initialOrder, $"cycle {cycle} has no usable LINE Pay key ({subscription.KeyState}{(subscription.KeyReturnCode is null ? string.Empty : $", {subscription.KeyReturnCode}")}): its order is placed unpaid, and the customer pays it at LINE Pay's checkout, which issues a new key.");

        return new ProcessPaymentResult { NewPaymentStatus = PaymentStatus.Pending, SubscriptionTransactionId = charge.LinePayOrderId };
    }

    // the cycle's order, as nopCommerce will place it: the first order's totals and currency rate, the request's total
    private static Order CycleOrder(Order initialOrder, ProcessPaymentRequest request) => new()
    {
        Id = initialOrder.Id,
        OrderGuid = request.OrderGuid,
        StoreId = initialOrder.StoreId,
        CustomerId = initialOrder.CustomerId,
        CustomerCurrencyCode = initialOrder.CustomerCurrencyCode,
        CurrencyRate = initialOrder.CurrencyRate,
        OrderTotal = request.OrderTotal,
        CustomOrderNumber = initialOrder.CustomOrderNumber
    };

    protected virtual async Task<string> ProductNameAsync(Order initialOrder, int cycle)
    {
        var item = (await _orderService.GetOrderItemsAsync(initialOrder.Id)).FirstOrDefault();
        var product = item is null ? null : await _productService.GetProductByIdAsync(item.ProductId);
        var name = string.IsNullOrWhiteSpace(product?.Name) ? $"Order #{initialOrder.CustomOrderNumber}" : product.Name;

        return $"{name} ({cycle.ToString(CultureInfo.InvariantCulture)})";
    }

    protected virtual async Task<ProcessPaymentResult> RefusedAsync(string resource, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync($"Plugins.Payments.LinePay.{resource}");

        return new ProcessPaymentResult { Errors = [args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args)] };
    }
}
