using Newtonsoft.Json;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Data;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Common;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Reads and writes the <see cref="LinePaySubscription"/> of a recurring payment (one JSON generic attribute, read
/// straight from the table so that a re-read sees what other requests saved), finds the subscription of an order, and
/// keeps the regKey encrypted with the store's encryption key as the channel secret is
/// </summary>
public class LinePaySubscriptionService
{
    protected readonly IGenericAttributeService _genericAttributeService;
    protected readonly IOrderService _orderService;
    protected readonly IRepository<GenericAttribute> _genericAttributeRepository;
    protected readonly LinePayChannelSecretService _secretService;

    public LinePaySubscriptionService(IGenericAttributeService genericAttributeService,
        IOrderService orderService,
        IRepository<GenericAttribute> genericAttributeRepository,
        LinePayChannelSecretService secretService)
    {
        _genericAttributeService = genericAttributeService;
        _orderService = orderService;
        _genericAttributeRepository = genericAttributeRepository;
        _secretService = secretService;
    }

    /// <summary>
    /// Gets the subscription of the recurring payment, or null when LINE Pay has not been asked for it yet
    /// </summary>
    public virtual async Task<LinePaySubscription> GetAsync(int recurringPaymentId)
    {
        var row = await _genericAttributeRepository.Table.FirstOrDefaultAsync(attribute => attribute.EntityId == recurringPaymentId
            && attribute.KeyGroup == LinePayDefaults.SubscriptionKeyGroup && attribute.Key == LinePayDefaults.SubscriptionAttribute
            && attribute.StoreId == 0);

        return Deserialize(row?.Value);
    }

    /// <summary>
    /// Saves the subscription of the recurring payment, replacing the one stored
    /// </summary>
    public virtual Task SaveAsync(RecurringPayment recurringPayment, LinePaySubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);
        ArgumentNullException.ThrowIfNull(subscription);

        subscription.UpdatedOnUtc = DateTime.UtcNow;

        return _genericAttributeService.SaveAttributeAsync(recurringPayment, LinePayDefaults.SubscriptionAttribute, Serialize(subscription));
    }

    /// <summary>
    /// Gets the recurring payment an order pays: the one it started (its first order), or the one whose cycle it is;
    /// null for an order of no recurring payment
    /// </summary>
    public virtual async Task<RecurringPayment> GetRecurringPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var initialOrderId = order.Id;
        if (LinePayOrderIds.TryParseCycle(order.SubscriptionTransactionId, out var initialOrderGuid, out _))
            initialOrderId = (await _orderService.GetOrderByGuidAsync(initialOrderGuid))?.Id ?? 0;

        return initialOrderId == 0 ? null : await GetByInitialOrderAsync(initialOrderId);
    }

    /// <summary>
    /// Gets the recurring payment started by the order, active or not (a deleted one is not)
    /// </summary>
    public virtual async Task<RecurringPayment> GetByInitialOrderAsync(int initialOrderId) =>
        (await _orderService.SearchRecurringPaymentsAsync(initialOrderId: initialOrderId, showHidden: true))
            .FirstOrDefault(recurringPayment => !recurringPayment.Deleted);

    /// <summary>
    /// Gets the order of a cycle before <paramref name="beforeCycle"/> (any, by default) that was placed unpaid for want
    /// of a usable key and still waits for the customer to pay it at LINE Pay's checkout; null when none does
    /// </summary>
    public virtual async Task<Order> GetWaitingOrderAsync(LinePaySubscription subscription, int beforeCycle = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(subscription);

        foreach (var charge in subscription.Charges.Where(charge => charge.State == LinePayCycleState.AwaitingCustomer && charge.Cycle < beforeCycle))
        {
            var order = charge.OrderGuid is { } guid ? await _orderService.GetOrderByGuidAsync(guid) : null;
            if (order is { Deleted: false } && order.OrderStatus != OrderStatus.Cancelled && order.PaymentStatus == PaymentStatus.Pending)
                return order;
        }

        return null;
    }

    /// <summary>
    /// Keeps a key LINE Pay issued, encrypted; it charges the next cycles
    /// </summary>
    public virtual void SetKey(LinePaySubscription subscription, string regKey, string currency, int orderId)
    {
        //the key it replaces may still pay at LINE Pay (a refusal that made it unusable here need not have ended it there)
        if (!string.IsNullOrEmpty(subscription.StoredRegKey))
            subscription.RetiredRegKeys.Add(subscription.StoredRegKey);
        subscription.StoredRegKey = Protect(regKey);
        subscription.RegKeyEnd = LinePayRegKeys.End(regKey);
        subscription.KeyState = LinePayRegKeyState.Active;
        subscription.KeyReturnCode = null;
        subscription.KeyOrderId = orderId;
        subscription.KeyIssuedOnUtc = DateTime.UtcNow;
        subscription.KeyCheckedOnUtc = null;
        subscription.KeyCheckReturnCode = null;
        subscription.Currency = currency;
    }

    /// <summary>
    /// Gets the key of the subscription; null when there is none or the store's encryption key cannot decrypt it
    /// </summary>
    public virtual string GetKey(LinePaySubscription subscription) => Reveal(subscription?.StoredRegKey);

    /// <summary>
    /// Gets a key as stored: encrypted with the store's encryption key
    /// </summary>
    public virtual string Protect(string regKey) => _secretService.Encrypt(regKey);

    /// <summary>
    /// Gets the key a stored value holds; null when there is none or the store's encryption key cannot decrypt it
    /// </summary>
    public virtual string Reveal(string storedRegKey) =>
        string.IsNullOrEmpty(storedRegKey) || !_secretService.CanDecrypt(storedRegKey) ? null : _secretService.Decrypt(storedRegKey);

    /// <summary>
    /// Encrypts every stored key again with a new encryption key (the subscriptions' and those still kept on orders);
    /// a key the old encryption key cannot decrypt is left, and counts as unusable
    /// </summary>
    public virtual async Task EncryptStoredKeysAgainAsync(string oldEncryptionKey, string newEncryptionKey)
    {
        string again(string stored)
        {
            try
            {
                return string.IsNullOrEmpty(stored) ? stored : _secretService.Encrypt(_secretService.Decrypt(stored, oldEncryptionKey), newEncryptionKey);
            }
            catch (ArgumentException)
            {
                return stored;
            }
        }

        var rows = await _genericAttributeRepository.Table.Where(row => row.StoreId == 0
            && (row.KeyGroup == LinePayDefaults.SubscriptionKeyGroup && row.Key == LinePayDefaults.SubscriptionAttribute
                || row.KeyGroup == LinePayDefaults.OrderKeyGroup && row.Key == LinePayDefaults.OrderPaymentAttribute && row.Value.Contains("IssuedRegKey")))
            .ToListAsync();
        foreach (var row in rows)
        {
            if (row.KeyGroup == LinePayDefaults.SubscriptionKeyGroup && Deserialize(row.Value) is { } subscription)
            {
                subscription.StoredRegKey = again(subscription.StoredRegKey);
                subscription.RetiredRegKeys = subscription.RetiredRegKeys.Select(again).ToList();
                row.Value = Serialize(subscription);
            }
            else if (LinePayOrderPaymentService.Deserialize(row.Value) is { } payment)
            {
                payment.IssuedRegKey = again(payment.IssuedRegKey);
                row.Value = LinePayOrderPaymentService.Serialize(payment);
            }

            await _genericAttributeRepository.UpdateAsync(row, false);
        }
    }

    /// <summary>
    /// Writes the record as the JSON stored in the generic attribute
    /// </summary>
    public static string Serialize(LinePaySubscription subscription) =>
        JsonConvert.SerializeObject(subscription, LinePayOrderPaymentService.JsonSettings);

    /// <summary>
    /// Reads the JSON stored in the generic attribute; null for an empty value
    /// </summary>
    public static LinePaySubscription Deserialize(string json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonConvert.DeserializeObject<LinePaySubscription>(json, LinePayOrderPaymentService.JsonSettings);
}
