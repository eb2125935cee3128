using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The customer's pre-approved key of a subscription: kept when LINE Pay issues it (Confirm of the first order, or of
/// a cycle's order the customer paid at LINE Pay's checkout because the key had become unusable), checked at LINE Pay
/// (Check regKey), and expired there when the subscription ends
/// </summary>
public class LinePaySubscriptionKeyService
{
    protected readonly ILogger _logger;
    protected readonly IOrderProcessingService _orderProcessingService;
    protected readonly IOrderService _orderService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePaySubscriptionLockService _lockService;
    protected readonly LinePaySubscriptionScheduleService _scheduleService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionKeyService(ILogger logger,
        IOrderProcessingService orderProcessingService,
        IOrderService orderService,
        LinePayClientFactory clientFactory,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePaySubscriptionLockService lockService,
        LinePaySubscriptionScheduleService scheduleService,
        LinePaySubscriptionService subscriptionService)
    {
        _logger = logger;
        _orderProcessingService = orderProcessingService;
        _orderService = orderService;
        _clientFactory = clientFactory;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _lockService = lockService;
        _scheduleService = scheduleService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// LINE Pay confirmed a pre-approved payment of the order: its key (null when the answer that carries it was lost
    /// and the payment was settled from Check or Payment Details) becomes the subscription's. The key is first kept on
    /// the order's record, so that a server dying before the subscription took it loses nothing. The caller holds the
    /// order's claim.
    /// </summary>
    public virtual async Task KeyIssuedAsync(Order order, LinePayOrderPayment payment, string regKey)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        var recurringPayment = await _subscriptionService.GetRecurringPaymentAsync(order);
        if (string.IsNullOrEmpty(regKey))
        {
            await _noteService.AddNoteAsync(order, recurringPayment is null
                ? "the pre-approved payment is confirmed, without a key."
                : "LINE Pay's answer with the subscription's key was lost (the payment was confirmed from Check or Payment Details): the customer pays the next cycle at LINE Pay's checkout, which issues a new key.");
            if (recurringPayment is not null && recurringPayment.InitialOrderId == order.Id)
                await _lockService.RunAsync(recurringPayment, (_, subscription) => Task.FromResult(subscription), () => null, create: true);
            return;
        }

        payment.IssuedRegKey = _subscriptionService.Protect(regKey);
        await _orderPaymentService.SaveAsync(order, payment);
        if (recurringPayment is null)
        {
            await _noteService.AddNoteAsync(order, "LINE Pay issued a pre-approved key, but the order belongs to no subscription any more; the key is expired.");
            await ExpireAsync(await _clientFactory.CreateClientAsync(order.StoreId), regKey);
            await ForgetIssuedKeyAsync(order, payment);
            return;
        }

        var adopted = await _lockService.RunAsync(recurringPayment,
            async (current, subscription) => await AdoptAsync(current, subscription, order, payment),
            () => false, create: recurringPayment.InitialOrderId == order.Id);
        if (!adopted)
            await _logger.InformationAsync($"LINE Pay: the key issued for order {order.Id} waits on the order until subscription {recurringPayment.Id} is free; its next charge takes it.");
    }

    /// <summary>
    /// Takes the newest key kept on the subscription's orders that the subscription has not taken yet (the first order,
    /// or an order the customer paid because the key had become unusable). The caller holds the subscription's claim.
    /// </summary>
    /// <returns>True when the subscription has a usable key afterwards</returns>
    public virtual async Task<bool> AdoptPendingKeyAsync(RecurringPayment recurringPayment, LinePaySubscription subscription)
    {
        if (subscription.KeyState == LinePayRegKeyState.Active)
            return true;

        var orders = new List<Order>();
        foreach (var charge in subscription.Charges.Where(charge => charge.State == LinePayCycleState.AwaitingCustomer && charge.OrderGuid is not null).Reverse())
            orders.Add(await _orderService.GetOrderByGuidAsync(charge.OrderGuid.Value));
        orders.Add(await _orderService.GetOrderByIdAsync(recurringPayment.InitialOrderId));

        foreach (var order in orders.Where(order => order is not null))
        {
            var payment = await _orderPaymentService.GetAsync(order);
            if (!string.IsNullOrEmpty(payment?.IssuedRegKey))
                return await AdoptAsync(recurringPayment, subscription, order, payment);
        }

        return false;
    }

    /// <summary>
    /// Asks LINE Pay whether the subscription's key still charges (Check regKey) and records the answer; a key LINE Pay
    /// no longer accepts becomes unusable
    /// </summary>
    public virtual Task<LinePayKeyCheck> CheckAsync(RecurringPayment recurringPayment, int storeId) =>
        _lockService.RunAsync(recurringPayment, async (current, subscription) =>
        {
            if (subscription is null || _subscriptionService.GetKey(subscription) is not { } regKey)
                return new LinePayKeyCheck(subscription?.KeyState ?? LinePayRegKeyState.None, null, Asked: false);

            var client = await _clientFactory.CreateClientAsync(storeId);
            string code;
            try
            {
                await client.CheckRegKeyAsync(regKey);
                code = LinePayReturnCodes.Success;
            }
            catch (LinePayApiException exception)
            {
                code = exception.ReturnCode;
            }
            catch (LinePayException)
            {
                //no answer: nothing is known about the key
                return new LinePayKeyCheck(subscription.KeyState, null);
            }

            subscription.KeyCheckedOnUtc = DateTime.UtcNow;
            subscription.KeyCheckReturnCode = code;
            if (subscription.KeyState == LinePayRegKeyState.Active && LinePayReturnCodes.IsRegKeyUnusable(code))
            {
                subscription.KeyState = LinePayRegKeyState.Unusable;
                subscription.KeyReturnCode = code;
            }
            await _subscriptionService.SaveAsync(current, subscription);
            await NoteAsync(current, $"Check regKey of {subscription.MaskedRegKey} answered {code}{(code == LinePayReturnCodes.Success ? ": the key charges the next cycle." : $"; the key state is {subscription.KeyState}.")}");

            return new LinePayKeyCheck(subscription.KeyState, code);
        }, () => new LinePayKeyCheck(LinePayRegKeyState.None, null, Asked: false, Busy: true));

    /// <summary>
    /// nopCommerce cancels the subscription the order started (the customer in My account, the admin, the order
    /// cancelled or deleted): its key is expired now, or by the scheduled task when LINE Pay cannot be reached or
    /// another request works on the subscription
    /// </summary>
    public virtual async Task CancelAsync(Order initialOrder)
    {
        ArgumentNullException.ThrowIfNull(initialOrder);

        if (await _subscriptionService.GetByInitialOrderAsync(initialOrder.Id) is not { } recurringPayment)
            return;

        var ended = await _lockService.RunAsync(recurringPayment, async (current, subscription) =>
        {
            await EndAsync(current, subscription, initialOrder.StoreId);
            return true;
        }, () => false);
        //the task expires a key LINE Pay could not be asked to, and gives back a cycle charged without its order
        await _scheduleService.ScheduleAsync(recurringPayment.Id, ended ? DateTime.UtcNow : DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));
    }

    /// <summary>
    /// The subscription ends (cancelled, deleted, or all cycles charged): its key is expired at LINE Pay; when LINE Pay
    /// cannot be reached the scheduled task expires it later. The caller holds the subscription's claim.
    /// </summary>
    public virtual async Task EndAsync(RecurringPayment recurringPayment, LinePaySubscription subscription, int storeId)
    {
        var ending = subscription?.KeyState is not (null or LinePayRegKeyState.Expired or LinePayRegKeyState.None);
        if (!ending && !(subscription?.RetiredRegKeys.Count > 0))
            return;

        var client = await _clientFactory.CreateClientAsync(storeId);
        var regKey = ending ? _subscriptionService.GetKey(subscription) : null;
        //a key taken for unusable is expired too: LINE Pay answers so if it already is, and nothing is left to chance
        var expired = (regKey is null || await ExpireAsync(client, regKey)) & await ExpireRetiredAsync(client, subscription);
        var previous = subscription.KeyState;
        subscription.KeyState = expired ? LinePayRegKeyState.Expired : LinePayRegKeyState.ExpireDue;
        if (expired)
            subscription.StoredRegKey = null;
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        if (!expired)
            await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));

        if (previous == subscription.KeyState)
            return;
        await NoteAsync(recurringPayment, expired
            ? $"the subscription ended: its LINE Pay key {subscription.MaskedRegKey} charges nothing any more."
            : $"the subscription ended, but LINE Pay could not be reached to expire its key {subscription.MaskedRegKey}: the scheduled task expires it later. Nothing is charged with it meanwhile.");
    }

    // the key, kept on the order, becomes the subscription's; a subscription that ended meanwhile has it expired instead
    protected virtual async Task<bool> AdoptAsync(RecurringPayment recurringPayment, LinePaySubscription subscription,
        Order order, LinePayOrderPayment payment)
    {
        var regKey = _subscriptionService.Reveal(payment.IssuedRegKey);
        if (regKey is null)
            return false;

        var client = await _clientFactory.CreateClientAsync(order.StoreId);
        if (!recurringPayment.IsActive || recurringPayment.Deleted)
        {
            if (!await ExpireAsync(client, regKey) && subscription is not null)
            {
                subscription.RetiredRegKeys.Add(payment.IssuedRegKey);
                subscription.KeyState = subscription.KeyState == LinePayRegKeyState.Expired ? LinePayRegKeyState.ExpireDue : subscription.KeyState;
                await _subscriptionService.SaveAsync(recurringPayment, subscription);
                await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));
            }
            await ForgetIssuedKeyAsync(order, payment);
            await _noteService.AddNoteAsync(order, "LINE Pay issued a pre-approved key, but the subscription has ended; the key is expired.");
            return false;
        }

        _subscriptionService.SetKey(subscription, regKey, payment.Currency, order.Id);
        if (subscription.Charges.LastOrDefault(charge => charge.OrderGuid == order.OrderGuid) is { } charge)
        {
            charge.State = payment.State == LinePayPaymentState.Authorized ? LinePayCycleState.Authorized : LinePayCycleState.Paid;
            charge.TransactionId = payment.TransactionId;
            //the customer paid at LINE Pay's checkout, under the order's own orderId
            charge.LinePayOrderId = payment.LinePayOrderId;
            charge.Amount = payment.Amount;
            charge.Currency = payment.Currency;
        }
        if (!await ExpireRetiredAsync(client, subscription))
            await _scheduleService.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.Add(LinePayDefaults.SubscriptionRetryInterval));
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        await ForgetIssuedKeyAsync(order, payment);

        if (await _orderProcessingService.GetNextPaymentDateAsync(recurringPayment) is { } next)
            await _scheduleService.ScheduleAsync(recurringPayment.Id, next);
        await _noteService.AddNoteAsync(order, $"LINE Pay issued the subscription's key {subscription.MaskedRegKey}: it charges the next cycles.");

        return true;
    }

    // expires the keys the subscription no longer uses; true when none is left
    protected virtual async Task<bool> ExpireRetiredAsync(LinePayClient client, LinePaySubscription subscription)
    {
        foreach (var stored in subscription.RetiredRegKeys.ToList())
        {
            //a key the store's encryption key cannot decrypt cannot be sent either
            if (_subscriptionService.Reveal(stored) is not { } regKey || await ExpireAsync(client, regKey))
                subscription.RetiredRegKeys.Remove(stored);
        }

        return subscription.RetiredRegKeys.Count == 0;
    }

    protected virtual async Task ForgetIssuedKeyAsync(Order order, LinePayOrderPayment payment)
    {
        payment.IssuedRegKey = null;
        await _orderPaymentService.SaveAsync(order, payment);
    }

    // true when LINE Pay no longer charges the key: expired now, or unusable already (unknown, expired, removed by the customer)
    protected virtual async Task<bool> ExpireAsync(LinePayClient client, string regKey)
    {
        try
        {
            await client.ExpireRegKeyAsync(regKey);
            return true;
        }
        catch (LinePayApiException exception) when (LinePayReturnCodes.IsRegKeyUnusable(exception.ReturnCode))
        {
            return true;
        }
        catch (LinePayException exception)
        {
            await _logger.WarningAsync($"LINE Pay: a subscription's key could not be expired: {exception.Message}");
            return false;
        }
    }

    // subscription notes go to its first order, where nopCommerce shows the recurring payment
    protected virtual async Task NoteAsync(RecurringPayment recurringPayment, string note)
    {
        if (await _orderService.GetOrderByIdAsync(recurringPayment.InitialOrderId) is { } order)
            await _noteService.AddNoteAsync(order, note);
    }
}
