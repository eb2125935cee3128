using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// Cycles LINE Pay refuses: a card declined, a key the customer removed or LINE Pay expired, a temporary error; and the
/// customer's way back through a new LINE Pay checkout
/// </summary>
[TestFixture]
public class FailedCycleTests : SubscriptionTestBase
{
    private static string Resource(string name, params object[] args) =>
        string.Format(NopStore.English($"Plugins.Payments.LinePay.Subscription.{name}"), args);

    [Test]
    public async Task ADeclinedCardFailsTheCycleForNopCommerceWithTheReasonAndKeepsTheKey()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1110"));

        var errors = await ChargeNextCycleAsync(recurringPayment);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.EqualTo(new[] { Resource("Declined", 2, "1110") }));
            Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.True);
            Assert.That(Store.OrderProcessing.RecurringEmails, Is.EqualTo(new[] { ("failed", recurringPayment.Id) }), "nopCommerce tells the customer");
            Assert.That(CycleOrders(recurringPayment), Is.Empty, "no order for a refused cycle");
            Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active));
            Assert.That(SubscriptionOf(recurringPayment).Charges.Single().State, Is.EqualTo(LinePayCycleState.Declined));
            Assert.That(NotesOf(first), Has.Some.Contains("cycle 2").And.Contains("1110"));
        });
    }

    [Test]
    public async Task AfterADeclinedCycleTheRetryChargesTheSameCycleWithANewOrderId()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1110"));
        await ChargeNextCycleAsync(recurringPayment);

        //the customer's "Retry last payment" in My account: the same call
        var errors = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        var charges = SubscriptionOf(recurringPayment).Charges;
        Assert.That(errors, Is.Empty);
        Assert.That(charges.Select(charge => (charge.Cycle, charge.Try, charge.State)),
            Is.EqualTo(new[] { (2, 1, LinePayCycleState.Declined), (2, 2, LinePayCycleState.Paid) }));
        Assert.That(charges[0].LinePayOrderId, Is.Not.EqualTo(charges[1].LinePayOrderId));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);
        Assert.That(CycleOrders(recurringPayment).Single().PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task TheStoresSettingCancelsTheSubscriptionAfterAFailedPaymentAndTheKeyIsExpired()
    {
        Store.OrderProcessing.CancelRecurringPaymentsAfterFailedPayment = true;
        var (_, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1110"));

        await ChargeNextCycleAsync(recurringPayment);

        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).IsActive, Is.False);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }

    [Test]
    public async Task ATemporaryErrorOfLinePaysIsNoFailedPaymentOfTheCustomers()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1900"));

        var errors = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(errors, Is.EqualTo(new[] { Resource("Declined", 2, "1900") }));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);
        Assert.That(Store.OrderProcessing.RecurringEmails, Is.Empty);
        Assert.That(await ProcessNextPaymentAsync(recurringPayment), Is.Empty, "charged at the next try");
    }

    [Test]
    public async Task ACardDeclineThatDiscardsTheKeyMakesItUnusable()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1287"));

        var errors = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(errors, Is.EqualTo(new[] { Resource("KeyUnusable", 2, "1287") }));
        Assert.That((SubscriptionOf(recurringPayment).KeyState, SubscriptionOf(recurringPayment).KeyReturnCode),
            Is.EqualTo((LinePayRegKeyState.Unusable, "1287")));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.True);
    }

    [TestCase("remove", "1141")]
    [TestCase("expire", "1193")]
    public async Task AKeyThatCanNoLongerPayFailsTheCycleAndTheCustomerPaysTheNextOneAtLinePaysCheckout(string lost, string code)
    {
        var (first, recurringPayment) = await SubscribedAsync(450m);
        var oldKey = RegKeyOf(recurringPayment);
        if (lost == "remove")
            Emulator.RegKeys.Remove(oldKey);
        else
            Emulator.RegKeys.Expire(oldKey);

        var refused = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(refused, Is.EqualTo(new[] { Resource("KeyUnusable", 2, code) }));
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Unusable));
        Assert.That(NotesOf(first), Has.Some.Contains("LINE Pay's checkout"));

        //the customer's "Retry last payment": no key, so the cycle's order is placed for the customer to pay
        Assert.That(await ProcessNextPaymentAsync(recurringPayment), Is.Empty);
        var waiting = CycleOrders(recurringPayment).Single();
        Assert.That((waiting.PaymentStatus, waiting.PaymentMethodSystemName), Is.EqualTo((PaymentStatus.Pending, LinePayDefaults.SystemName)));
        Assert.That(NotesOf(waiting), Has.Some.Contains("Retry payment"));
        Assert.That(Notifications, Has.Some.EqualTo(("warning", Resource("AwaitsCustomer", 2))), "the admin learns why the order is unpaid");
        Assert.That(PreapprovedPayments, Is.EqualTo(1), "only the refused one");

        //another cycle waits while the customer has not paid
        MakeNextCycleDue(recurringPayment);
        Assert.That(await ProcessNextPaymentAsync(recurringPayment), Is.EqualTo(new[] { Resource("WaitsForCustomer", waiting.CustomOrderNumber) }));

        //"Retry payment" on the order's page: a pre-approved checkout that issues a new key
        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(waiting)));
        Assert.That(LastBody(LinePayEndpoint.Request).GetProperty("options").GetProperty("payment").GetProperty("payType").GetString(), Is.EqualTo("PREAPPROVED"));
        Assert.That(Store.GetOrder(waiting.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        var newKey = RegKeyOf(recurringPayment);
        Assert.That(newKey, Is.Not.Null.And.Not.EqualTo(oldKey));
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active));
        Assert.That(SubscriptionOf(recurringPayment).KeyOrderId, Is.EqualTo(waiting.Id));
        Assert.That(SubscriptionOf(recurringPayment).Charges.Single(c => c.Cycle == 2 && c.State != LinePayCycleState.Declined)
            is { State: LinePayCycleState.Paid, Amount: 450m, Currency: "TWD" } paidCycle
            && paidCycle.LinePayOrderId == PaymentOf(waiting).LinePayOrderId, Is.True, "the cycle the customer paid, with its amount and orderId");

        //the next cycle is charged with the new key
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.PayPreapproved)[^1].RegKey, Is.EqualTo(newKey));
        Assert.That(CycleOrders(recurringPayment).Select(order => order.PaymentStatus), Is.All.EqualTo(PaymentStatus.Paid));
        Assert.That(EverythingWritten([first, .. CycleOrders(recurringPayment)]), Has.None.Contains(oldKey).And.None.Contains(newKey));
    }

    [Test]
    public async Task TheAdminsCheckKeyFindsARemovedKeyBeforeTheNextCycle()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        Emulator.RegKeys.Remove(RegKeyOf(recurringPayment));

        var check = await Checkout.SubscriptionKeys.CheckAsync(Store.GetRecurringPayment(recurringPayment.Id), NopStore.StoreId);

        Assert.That((check.State, check.ReturnCode), Is.EqualTo((LinePayRegKeyState.Unusable, "1141")));
        Assert.That(SubscriptionOf(recurringPayment).KeyCheckReturnCode, Is.EqualTo("1141"));
        Assert.That(Store.Log.Select(entry => entry.Message), Has.None.Contains(RegKeyOf(recurringPayment) ?? "no key"));
        Assert.That(SubscriptionOf(recurringPayment).KeyCheckedOnUtc, Is.Not.Null);
        Assert.That(NotesOf(first), Has.Some.Contains("Check regKey").And.Contains("1141"));

        //the next cycle does not try the key: it waits for the customer
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        Assert.That(PreapprovedPayments, Is.Zero);
        Assert.That(CycleOrders(recurringPayment).Single().OrderStatus, Is.EqualTo(OrderStatus.Pending));
    }

    [Test]
    public async Task AKeyReplacedByTheCustomersNewOneIsExpiredAtLinePay()
    {
        var (recurringPayment, oldKey, waiting) = await CycleWaitingWithAKeyLinePayStillHoldsAsync();

        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(waiting)));

        Assert.That(RegKeyOf(recurringPayment), Is.Not.EqualTo(oldKey));
        Assert.That(Emulator.RegKeys.Find(oldKey)!.Expired, Is.True, "the replaced key charges nothing any more");
        Assert.That(SubscriptionOf(recurringPayment).RetiredRegKeys, Is.Empty);
    }

    [Test]
    public async Task AReplacedKeyLinePayCouldNotExpireIsExpiredWhenTheSubscriptionEnds()
    {
        var (recurringPayment, oldKey, waiting) = await CycleWaitingWithAKeyLinePayStillHoldsAsync();
        var paymentUrl = await Checkout.PostProcessAsync(waiting);
        Emulator.Faults.Next(LinePayEndpoint.ExpireRegKey, Fault.Http500());
        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(paymentUrl));
        Assert.That(Emulator.RegKeys.Find(oldKey)!.Usable, Is.True, "LINE Pay could not be asked");
        Assert.That(SubscriptionOf(recurringPayment).RetiredRegKeys, Has.Count.EqualTo(1));
        Assert.That(SubscriptionOf(recurringPayment).RetiredRegKeys.Single(), Does.Not.Contain(oldKey), "kept encrypted");

        var newKey = RegKeyOf(recurringPayment);

        await CustomerCancelsAsync(recurringPayment);

        Assert.That(Emulator.RegKeys.Find(oldKey)!.Expired, Is.True);
        Assert.That(Emulator.RegKeys.Find(newKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }

    // LINE Pay refuses with a code that makes the key unusable here, though the key itself still pays there; the next
    // cycle's order then waits for the customer
    private async Task<(RecurringPayment RecurringPayment, string OldKey, Order Waiting)> CycleWaitingWithAKeyLinePayStillHoldsAsync()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        var oldKey = RegKeyOf(recurringPayment);
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1287"));
        await ChargeNextCycleAsync(recurringPayment);
        await ProcessNextPaymentAsync(recurringPayment);
        return (recurringPayment, oldKey, CycleOrders(recurringPayment).Single());
    }
}
