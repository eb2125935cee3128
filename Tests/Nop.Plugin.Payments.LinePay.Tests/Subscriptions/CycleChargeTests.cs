using LinePay.Emulator.Api;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// The next cycles, charged with the subscription's key from Sales → Recurring payments → Process next payment
/// </summary>
[TestFixture]
public class CycleChargeTests : SubscriptionTestBase
{
    [TestCase(LinePayApiVersion.V3)]
    [TestCase(LinePayApiVersion.V4)]
    public async Task ThreeCyclesAreChargedWithTheKeyEachOnceAndRecordedAsNopCommerceOrders(LinePayApiVersion apiVersion)
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), apiVersion);
        var (first, recurringPayment) = await SubscribedAsync(450m);
        var regKey = RegKeyOf(recurringPayment);

        for (var cycle = 2; cycle <= 4; cycle++)
            Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty, $"cycle {cycle}");

        var orders = CycleOrders(recurringPayment);
        var subscription = SubscriptionOf(recurringPayment);
        var payments = Emulator.Journal.For(LinePayEndpoint.PayPreapproved);
        Assert.Multiple(() =>
        {
            Assert.That(orders, Has.Count.EqualTo(3));
            Assert.That(orders.Select(order => order.PaymentStatus), Is.All.EqualTo(PaymentStatus.Paid));
            Assert.That(orders.Select(order => order.OrderStatus), Is.All.EqualTo(OrderStatus.Processing));
            Assert.That(orders.Select(order => order.OrderTotal), Is.All.EqualTo(450m));
            Assert.That(payments, Has.Count.EqualTo(3));
            Assert.That(payments.Select(call => call.RegKey), Is.All.EqualTo(regKey));
            Assert.That(payments.Select(call => call.ApiVersion), Is.All.EqualTo((int)apiVersion));
            Assert.That(orders.Select(order => order.SubscriptionTransactionId),
                Is.EqualTo(new[] { 2, 3, 4 }.Select(cycle => LinePayOrderIds.ForCycle(first.OrderGuid, cycle, 1))));
            Assert.That(subscription.Charges.Select(charge => (charge.Cycle, charge.State)),
                Is.EqualTo(new[] { (2, LinePayCycleState.Paid), (3, LinePayCycleState.Paid), (4, LinePayCycleState.Paid) }));
            Assert.That(orders.Select(order => order.CaptureTransactionId), Is.EqualTo(subscription.Charges.Select(c => c.TransactionId.ToString())));
            Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);
        });
        foreach (var (order, charge) in orders.Zip(subscription.Charges))
        {
            var transaction = Emulator.Transactions.Find(charge.TransactionId!.Value)!;
            Assert.That((transaction.Amount, transaction.Currency, transaction.OrderId), Is.EqualTo((450m, "TWD", charge.LinePayOrderId)));
            Assert.That(PaymentOf(order), Is.Not.Null.And.Property(nameof(LinePayOrderPayment.TransactionId)).EqualTo(charge.TransactionId),
                "the cycle's order has its LINE Pay record, so refunds and the panel work as for any order");
        }
        Assert.That(EverythingWritten([first, .. orders]), Has.None.Contains(regKey));
    }

    [Test]
    public async Task AClickBeforeTheCycleIsDueChargesTheComingCycleButASecondClickChargesNothing()
    {
        var (_, recurringPayment) = await SubscribedAsync();

        var early = (await ProcessNextPaymentAsync(recurringPayment)).ToList();
        var again = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        Assert.That(early, Is.Empty, "nopCommerce's button charges the coming cycle at once");
        var stored = Store.GetRecurringPayment(recurringPayment.Id);
        Assert.That(again, Is.EqualTo(new[] { string.Format(NopStore.English("Plugins.Payments.LinePay.Subscription.NotDue"),
            stored.StartDateUtc.AddMonths(2).ToString("yyyy-MM-dd"), stored.StartDateUtc.AddMonths(1).ToString("yyyy-MM-dd HH:mm 'UTC'")) }),
            "the date of the next cycle and when the button charges it");
        Assert.That(PreapprovedPayments, Is.EqualTo(1));
        Assert.That(CycleOrders(recurringPayment), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task InAuthorizeOnlyModeTheCycleIsAuthorizedAndTheAdminCapturesItFromTheOrderPage()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var (_, recurringPayment) = await SubscribedAsync(450m);

        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        var cycleOrder = CycleOrders(recurringPayment).Single();
        Assert.That(cycleOrder.PaymentStatus, Is.EqualTo(PaymentStatus.Authorized));
        Assert.That(LastBody(LinePayEndpoint.PayPreapproved).GetProperty("capture").GetBoolean(), Is.False);

        Assert.That(await Checkout.AdminCapturesAsync(cycleOrder), Is.Empty);

        var transaction = Emulator.Transactions.Find(PaymentOf(cycleOrder).TransactionId)!;
        Assert.That(Store.GetOrder(cycleOrder.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(transaction.CapturedAmount, Is.EqualTo(450m));
    }

    [Test]
    public async Task ACycleOrderIsRefundedAndAnAuthorizedOneVoidedLikeAnyLinePayOrder()
    {
        var (_, recurringPayment) = await SubscribedAsync(450m);
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        var paid = CycleOrders(recurringPayment).Single();

        Assert.That(await Checkout.AdminRefundsAsync(paid, 150m), Is.Empty);

        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        var authorized = CycleOrders(recurringPayment)[1];
        Assert.That(await Checkout.AdminVoidsAsync(authorized), Is.Empty);

        Assert.That(Emulator.Transactions.Find(PaymentOf(paid).TransactionId)!.RefundedAmount, Is.EqualTo(150m));
        Assert.That(Store.GetOrder(paid.Id).PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        Assert.That(Store.GetOrder(authorized.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Voided));
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active), "refunds and voids leave the key");
    }

    [Test]
    public async Task ACycleIsChargedInTheStoresLinePayCurrencyConvertedAsAtCheckout()
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.CurrencyCode), "THB");
        var (_, recurringPayment) = await SubscribedAsync(1000m);

        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);

        var checkout = Emulator.Transactions.Find(SubscriptionOf(recurringPayment).Charges.Single().TransactionId!.Value)!;
        var first = LastBody(LinePayEndpoint.Request);
        Assert.That((checkout.Amount, checkout.Currency), Is.EqualTo((first.GetProperty("amount").GetDecimal(), "THB")));
        Assert.That(checkout.Amount, Is.EqualTo(1100m));
    }

    [Test]
    public async Task AStoreThatChangedItsLinePayCurrencyChargesNothingAndSaysWhy()
    {
        var (_, recurringPayment) = await SubscribedAsync(1000m);
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.CurrencyCode), "THB");

        var errors = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(errors, Is.EqualTo(new[] { string.Format(NopStore.English("Plugins.Payments.LinePay.Subscription.CurrencyChanged"), "TWD", "THB") }));
        Assert.That(PreapprovedPayments, Is.Zero);
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);
    }

    [Test]
    public async Task TheLastCycleEndsTheSubscriptionAndTheTaskExpiresTheKey()
    {
        var (_, recurringPayment) = await SubscribedAsync(450m, totalCycles: 2);
        var regKey = RegKeyOf(recurringPayment);

        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(await Store.OrderProcessing.Service.Object.GetNextPaymentDateAsync(Store.GetRecurringPayment(recurringPayment.Id)), Is.Null);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }
}
