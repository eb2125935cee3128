using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// One charge per cycle: two servers of a web farm, a repeated click, an answer that never came, a server that died
/// between LINE Pay's charge and nopCommerce's order
/// </summary>
[TestFixture]
public class ConcurrencyTests : SubscriptionTestBase
{
    private static string Resource(string name, params object[] args) =>
        string.Format(NopStore.English($"Plugins.Payments.LinePay.Subscription.{name}"), args);

    [Test]
    public async Task TwoServersChargingTheSameCycleChargeItOnce()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        MakeNextCycleDue(recurringPayment);
        var otherServer = new LinePayCheckout(Store) { Locker = Store.NewLocker().Object };
        //LINE Pay answers the first charge slowly: the second server's click arrives meanwhile
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Delay(TimeSpan.FromMilliseconds(500)));

        var first = ProcessNextPaymentAsync(recurringPayment);
        await Task.Delay(150);
        Store.OrderProcessing.PaymentMethod = otherServer.PaymentMethod;
        var second = ProcessNextPaymentAsync(recurringPayment);
        var results = await Task.WhenAll(first, second);

        Assert.That(PreapprovedPayments, Is.EqualTo(1));
        Assert.That(results.Count(errors => !errors.Any()), Is.EqualTo(1));
        Assert.That(results.SelectMany(errors => errors), Is.EqualTo(new[] { Resource("InProgress") }));
        Assert.That(CycleOrders(recurringPayment), Has.Count.EqualTo(1));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False, "the busy one is no failed payment");
    }

    [Test]
    public async Task AnAnswerThatNeverCameIsSettledThroughPaymentDetailsWithoutASecondCharge()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        //LINE Pay charges, but the connection drops; Payment Details cannot be asked either
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.ApplyThenAbort());
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Http500(), times: 10);

        var unknown = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(unknown, Is.EqualTo(new[] { Resource("Unknown", 2) }));
        Assert.That(CycleOrders(recurringPayment), Is.Empty);
        Assert.That(SubscriptionOf(recurringPayment).Charges.Single().State, Is.EqualTo(LinePayCycleState.Unknown));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);

        //LINE Pay still cannot be asked: nothing is sent again
        Assert.That(await ProcessNextPaymentAsync(recurringPayment), Is.EqualTo(new[] { Resource("Unknown", 2) }));

        Emulator.Faults.Clear();
        var settled = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        var charge = SubscriptionOf(recurringPayment).Charges.Single();
        Assert.That(settled, Is.Empty);
        Assert.That(PreapprovedPayments, Is.EqualTo(1), "charged once");
        Assert.That(charge.State, Is.EqualTo(LinePayCycleState.Paid));
        Assert.That(CycleOrders(recurringPayment).Single().CaptureTransactionId, Is.EqualTo(charge.TransactionId.ToString()));
        Assert.That(Emulator.Transactions.All().Count(t => t.OrderId == charge.LinePayOrderId), Is.EqualTo(1));
        Assert.That(NotesOf(first), Has.Some.Contains("did not tell whether cycle 2"));
    }

    [Test]
    public async Task AChargeLinePayNeverReceivedIsSentAgainWithTheSameOrderId()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        //the connection drops before LINE Pay handles the charge; Payment Details cannot be asked
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Abort());
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Http500(), times: 10);
        await ChargeNextCycleAsync(recurringPayment);
        Emulator.Faults.Clear();

        var errors = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        var charge = SubscriptionOf(recurringPayment).Charges.Single();
        var orderIds = Emulator.Journal.For(LinePayEndpoint.PayPreapproved).Select(call => System.Text.Json.JsonDocument.Parse(call.Body).RootElement.GetProperty("orderId").GetString());
        Assert.That(errors, Is.Empty);
        Assert.That(orderIds, Is.EqualTo(new[] { charge.LinePayOrderId, charge.LinePayOrderId }), "LINE Pay charges an orderId once at most");
        Assert.That(Emulator.Transactions.All().Count(t => t.OrderId == charge.LinePayOrderId), Is.EqualTo(1));
        Assert.That(CycleOrders(recurringPayment).Single().PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task AServerThatDiedAfterLinePayChargedPlacesTheOrderOnceWithoutChargingAgain()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        MakeNextCycleDue(recurringPayment);
        //the plugin charged, then the server died before nopCommerce placed the order
        var request = new Nop.Services.Payments.ProcessPaymentRequest
        {
            StoreId = first.StoreId, CustomerId = first.CustomerId, OrderGuid = Guid.NewGuid(), InitialOrder = first, OrderTotal = first.OrderTotal
        };
        var charged = await Checkout.SubscriptionCharges.ChargeAsync(request);
        Assert.That(charged.NewPaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        var subscription = SubscriptionOf(recurringPayment);
        subscription.Charges.Single().StartedOnUtc = DateTime.UtcNow.AddMinutes(-5);
        await Checkout.Subscriptions.SaveAsync(Store.GetRecurringPayment(recurringPayment.Id), subscription);

        var errors = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        Assert.That(errors, Is.Empty);
        Assert.That(PreapprovedPayments, Is.EqualTo(1));
        var order = CycleOrders(recurringPayment).Single();
        Assert.That(order.CaptureTransactionId, Is.EqualTo(subscription.Charges.Single().TransactionId.ToString()));
        Assert.That(NotesOf(first), Has.Some.Contains("its order was never placed"));
    }

    [Test]
    public async Task AConcurrentPaymentOnTheKeyAtLinePayIsNoFailedPayment()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1197"));

        var errors = await ChargeNextCycleAsync(recurringPayment);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active));
        Assert.That(await ProcessNextPaymentAsync(recurringPayment), Is.Empty, "the next try charges it");
        Assert.That(CycleOrders(recurringPayment), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AClaimTakenWithACopyReadWhileAnotherRequestHeldItWorksOnTheSubscriptionAsStored()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        var locks = new ExposedLocks(Checkout);
        LinePaySubscription seen = null;

        //the holder changes the subscription; another request reads it meanwhile and claims once the holder is done
        await Checkout.SubscriptionLocks.RunAsync(Store.GetRecurringPayment(recurringPayment.Id), async (current, subscription) =>
        {
            seen = await Checkout.Subscriptions.GetAsync(current.Id);
            subscription.KeyCheckReturnCode = "0000";
            await Checkout.Subscriptions.SaveAsync(current, subscription);
            return true;
        }, () => false);
        var claimed = await locks.TryClaimAsync(Store.GetRecurringPayment(recurringPayment.Id), seen);

        Assert.That(seen.KeyCheckReturnCode, Is.Null, "read before the holder's change");
        Assert.That(claimed?.KeyCheckReturnCode, Is.EqualTo("0000"));
        Assert.That(SubscriptionOf(recurringPayment).KeyCheckReturnCode, Is.EqualTo("0000"), "the claim did not write the old copy back");
    }

    private sealed class ExposedLocks(LinePayCheckout checkout) : LinePaySubscriptionLockService(checkout.Locker, checkout.Store.OrderService.Object,
        new LinePayClaimRows(checkout.Store.GenericAttributeRepository.Object), checkout.Subscriptions)
    {
        public new Task<LinePaySubscription> TryClaimAsync(Nop.Core.Domain.Orders.RecurringPayment recurringPayment, LinePaySubscription subscription) =>
            base.TryClaimAsync(recurringPayment, subscription);
    }
}
