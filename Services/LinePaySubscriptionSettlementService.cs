using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Logging;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Settles the charges of a subscription that ended (cancelled, deleted) while a cycle's charge was open or charged
/// without its order: no order can be placed for it any more, so what LINE Pay took is given back
/// </summary>
public class LinePaySubscriptionSettlementService
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePaySubscriptionSettlementService(ILogger logger,
        IOrderService orderService,
        LinePayClientFactory clientFactory,
        LinePayOrderNoteService noteService,
        LinePaySubscriptionService subscriptionService)
    {
        _logger = logger;
        _orderService = orderService;
        _clientFactory = clientFactory;
        _noteService = noteService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Settles every charge of the ended subscription that has no order: an open one is asked about (Payment Details),
    /// one LINE Pay charged is refunded or voided. The caller holds the subscription's claim.
    /// </summary>
    /// <returns>True when nothing is left to settle; false when LINE Pay did not answer (the task asks again later)</returns>
    public virtual async Task<bool> SettleEndedAsync(RecurringPayment recurringPayment, LinePaySubscription subscription, Order initialOrder)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(initialOrder);

        var settled = true;
        LinePayClient client = null;
        foreach (var charge in subscription.Charges.Where(charge => charge.IsOpen || charge.IsCharged).ToList())
        {
            if (charge.IsCharged && charge.OrderGuid is { } orderGuid && await _orderService.GetOrderByGuidAsync(orderGuid) is { Deleted: false })
                continue;

            client ??= await _clientFactory.CreateClientAsync(initialOrder.StoreId);
            settled &= await SettleAsync(recurringPayment, subscription, initialOrder, charge, client);
        }

        return settled;
    }

    protected virtual async Task<bool> SettleAsync(RecurringPayment recurringPayment, LinePaySubscription subscription, Order initialOrder,
        LinePayCycleCharge charge, LinePayClient client)
    {
        if (charge.IsOpen)
        {
            var found = await LinePayCycleChargeLookup.FindAsync(client, charge);
            if (found is null)
                return false;
            if (found == false)
            {
                charge.State = LinePayCycleState.NotCharged;
                await _subscriptionService.SaveAsync(recurringPayment, subscription);
                await _noteService.AddNoteAsync(initialOrder, $"LINE Pay did not charge cycle {charge.Cycle} (orderId {charge.LinePayOrderId}); the subscription has ended, so it is not charged any more.");
                return true;
            }
            await _subscriptionService.SaveAsync(recurringPayment, subscription);
        }

        var transactionId = charge.TransactionId.Value;
        var amount = charge.FormatAmount();
        try
        {
            if (charge.State == LinePayCycleState.Authorized)
                await client.VoidPaymentAsync(transactionId);
            else
                await client.RefundPaymentAsync(transactionId, null, charge.Currency);
        }
        catch (LinePayApiException exception) when (exception.ReturnCode == LinePayReturnCodes.AlreadyRefundedOrVoided)
        {
        }
        catch (LinePayException exception)
        {
            await _logger.WarningAsync($"LINE Pay: the money of cycle {charge.Cycle} of subscription {recurringPayment.Id} (transaction {transactionId}) could not be given back yet: {exception.Message}");
            return false;
        }

        var voided = charge.State == LinePayCycleState.Authorized;
        charge.State = LinePayCycleState.Returned;
        await _subscriptionService.SaveAsync(recurringPayment, subscription);
        var note = $"LINE Pay charged cycle {charge.Cycle} (transaction {transactionId}, {amount}), but the subscription ended before its order was placed: the payment was {(voided ? "voided" : "refunded")}.";
        await _noteService.AddNoteAsync(initialOrder, note);
        await _logger.WarningAsync($"LINE Pay: subscription {recurringPayment.Id}: {note}");

        return true;
    }

}
