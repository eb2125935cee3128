using System.Text.Json;
using LinePay.Emulator.Api;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// A store that offers LINE Pay for subscriptions, with nopCommerce's recurring payments running on its web server
/// </summary>
public abstract class SubscriptionTestBase : CheckoutTestBase
{
    [SetUp]
    public void ServeSubscriptions()
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.OfferSubscriptions), true);
        Checkout.ServeSubscriptions();
    }

    /// <summary>
    /// A customer buys a recurring product (a coffee subscription, monthly unless told) and approves the first payment
    /// at LINE Pay; the confirm return brings the browser back. Returns the first order and its recurring payment.
    /// </summary>
    protected async Task<(Order Order, RecurringPayment RecurringPayment)> SubscribedAsync(decimal total = 450m,
        RecurringProductCyclePeriod period = RecurringProductCyclePeriod.Months, int cycleLength = 1, int totalCycles = 12)
    {
        var (order, recurringPayment) = PlaceSubscriptionOrder(total, period, cycleLength, totalCycles);
        var confirmUrl = await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(order));
        await Checkout.ArriveAsync(confirmUrl);
        return (Store.GetOrder(order.Id), Store.GetRecurringPayment(recurringPayment.Id));
    }

    /// <summary>What nopCommerce's PlaceOrderAsync leaves before it redirects: the first order and its recurring payment</summary>
    protected (Order Order, RecurringPayment RecurringPayment) PlaceSubscriptionOrder(decimal total = 450m,
        RecurringProductCyclePeriod period = RecurringProductCyclePeriod.Months, int cycleLength = 1, int totalCycles = 12)
    {
        var order = Store.PlaceOrder(total);
        Store.AddOrderItem(order, "Coffee beans", 1, total);
        return (order, Store.AddRecurringPayment(order, cycleLength, period, totalCycles));
    }

    /// <summary>As if the subscription started this many cycles ago, so that the next cycle is due now</summary>
    protected void MakeNextCycleDue(RecurringPayment recurringPayment)
    {
        var cycles = Store.HistoryOrderIds(recurringPayment.Id).Count;
        Store.UpdateStoredRecurringPayment(recurringPayment.Id, stored => stored.StartDateUtc = stored.CyclePeriod switch
        {
            RecurringProductCyclePeriod.Days => DateTime.UtcNow.AddDays(-stored.CycleLength * cycles).AddMinutes(-1),
            RecurringProductCyclePeriod.Weeks => DateTime.UtcNow.AddDays(-7 * stored.CycleLength * cycles).AddMinutes(-1),
            RecurringProductCyclePeriod.Months => DateTime.UtcNow.AddMonths(-stored.CycleLength * cycles).AddMinutes(-1),
            _ => DateTime.UtcNow.AddYears(-stored.CycleLength * cycles).AddMinutes(-1)
        });
    }

    /// <summary>Sales → Recurring payments → Process next payment, on the recurring payment as the admin's request loads it</summary>
    protected Task<IEnumerable<string>> ProcessNextPaymentAsync(RecurringPayment recurringPayment) =>
        Store.OrderProcessing.Service.Object.ProcessNextRecurringPaymentAsync(Store.GetRecurringPayment(recurringPayment.Id));

    /// <summary>The cycle is due and the admin processes it; returns the errors shown</summary>
    protected async Task<IReadOnlyList<string>> ChargeNextCycleAsync(RecurringPayment recurringPayment)
    {
        MakeNextCycleDue(recurringPayment);
        return (await ProcessNextPaymentAsync(recurringPayment)).ToList();
    }

    /// <summary>The customer cancels the subscription in My account: nopCommerce's CancelRecurringPaymentAsync</summary>
    protected Task<IList<string>> CustomerCancelsAsync(RecurringPayment recurringPayment) =>
        Store.OrderProcessing.Service.Object.CancelRecurringPaymentAsync(Store.GetRecurringPayment(recurringPayment.Id));

    protected LinePaySubscription SubscriptionOf(RecurringPayment recurringPayment) =>
        Checkout.Subscriptions.GetAsync(recurringPayment.Id).GetAwaiter().GetResult();

    /// <summary>The regKey the emulator issued for the subscription's current key</summary>
    protected string RegKeyOf(RecurringPayment recurringPayment) => Checkout.Subscriptions.GetKey(SubscriptionOf(recurringPayment));

    /// <summary>The orders of the subscription's history after the first one, as stored now</summary>
    protected IReadOnlyList<Order> CycleOrders(RecurringPayment recurringPayment) =>
        Store.HistoryOrderIds(recurringPayment.Id).Skip(1).Select(Store.GetOrder).ToList();

    protected int PreapprovedPayments => Emulator.Journal.Count(LinePayEndpoint.PayPreapproved);

    /// <summary>The JSON body of the last call to the endpoint</summary>
    protected JsonElement LastBody(LinePayEndpoint endpoint) => JsonDocument.Parse(Emulator.Journal.For(endpoint)[^1].Body).RootElement;

    /// <summary>Everything a person could read: order notes of every order, log entries, notifications</summary>
    protected IEnumerable<string> EverythingWritten(params Order[] orders) =>
        orders.SelectMany(order => NotesOf(order)).Concat(Store.Log.Select(entry => entry.Message)).Concat(Notifications.Select(n => n.Text))
            .Concat(Store.OrderProcessing.RecurringErrorsLogged);
}
