using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// A subscription cancelled (the customer in My account, the admin, the first order cancelled) or deleted: its key is
/// expired at LINE Pay, now or by the scheduled task when LINE Pay cannot be reached
/// </summary>
[TestFixture]
public class CancelTests : SubscriptionTestBase
{
    [Test]
    public async Task TheCustomerCancelsAndTheKeyIsExpiredAtLinePay()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);

        var errors = await CustomerCancelsAsync(recurringPayment);

        Assert.That(errors, Is.Empty);
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).IsActive, Is.False);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
        Assert.That(NotesOf(first), Has.Some.Contains("Recurring payment has been cancelled"));
        Assert.That(EverythingWritten(first), Has.None.Contains(regKey));
    }

    [Test]
    public async Task WithLinePayDownTheSubscriptionIsStillCancelledAndTheTaskExpiresTheKeyLater()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);
        Emulator.Faults.Next(LinePayEndpoint.ExpireRegKey, Fault.Http500(), times: 3);

        var errors = await CustomerCancelsAsync(recurringPayment);

        Assert.That(errors, Is.Empty, "the customer's cancel never waits for LINE Pay");
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).IsActive, Is.False);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Usable, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.ExpireDue));

        //LINE Pay still down at the task's first run
        Emulator.Faults.Clear();
        Emulator.Faults.Next(LinePayEndpoint.ExpireRegKey, Fault.Http500(), times: 3);
        await Checkout.SubscriptionTask.ExecuteAsync();
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.ExpireDue));

        Emulator.Faults.Clear();
        Checkout.SubscriptionSchedule.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow).GetAwaiter().GetResult();
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }

    [Test]
    public async Task ACancelledSubscriptionChargesNothing()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        await CustomerCancelsAsync(recurringPayment);
        MakeNextCycleDue(recurringPayment);

        Assert.That(async () => await ProcessNextPaymentAsync(recurringPayment), Throws.Exception, "nopCommerce refuses an inactive one");
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(PreapprovedPayments, Is.Zero);
    }

    [Test]
    public async Task CancellingTheFirstOrderCancelsTheSubscriptionAndExpiresTheKey()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);

        await Checkout.AdminCancelsAsync(first);

        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).IsActive, Is.False);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
    }

    [Test]
    public async Task ADeletedSubscriptionHasItsKeyExpiredByTheTask()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);

        await Store.DeleteRecurringPaymentAsync(recurringPayment.Id);
        Assert.That(Emulator.RegKeys.Find(regKey)!.Usable, Is.True, "nopCommerce's delete does not ask the payment method");
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(Emulator.RegKeys.Find(regKey)!.Expired, Is.True);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }

    [Test]
    public async Task AKeyTheCustomerRemovedIsEndedWithoutError()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.RegKeys.Remove(RegKeyOf(recurringPayment));

        Assert.That(await CustomerCancelsAsync(recurringPayment), Is.Empty);

        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).IsActive, Is.False);
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Expired));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task ACycleWhoseOutcomeWasUnknownWhenTheSubscriptionEndedIsGivenBackIfLinePayCharged(bool linePayCharged)
    {
        var (first, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, linePayCharged ? Fault.ApplyThenAbort() : Fault.Abort());
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Http500(), times: 10);
        await ChargeNextCycleAsync(recurringPayment);
        Emulator.Faults.Clear();

        Assert.That(await CustomerCancelsAsync(recurringPayment), Is.Empty);
        await Checkout.SubscriptionTask.ExecuteAsync();

        var charge = SubscriptionOf(recurringPayment).Charges.Single();
        Assert.That(CycleOrders(recurringPayment), Is.Empty, "no order for an ended subscription");
        if (linePayCharged)
        {
            Assert.That(charge.State, Is.EqualTo(LinePayCycleState.Returned));
            Assert.That(Emulator.Transactions.Find(charge.TransactionId!.Value)!.RefundedAmount, Is.EqualTo(450m));
            Assert.That(NotesOf(first), Has.Some.Contains($"LINE Pay charged cycle 2 (transaction {charge.TransactionId}").And.Contains("refunded"));
        }
        else
        {
            Assert.That(charge.State, Is.EqualTo(LinePayCycleState.NotCharged));
            Assert.That(Emulator.Transactions.All().Where(t => t.OrderId == charge.LinePayOrderId), Is.Empty);
        }
        Assert.That(await Checkout.SubscriptionSchedule.GetAsync(recurringPayment.Id), Is.Null, "nothing left for the task");
    }

    [Test]
    public async Task AnAuthorizedCycleWithoutItsOrderIsVoidedWhenTheSubscriptionEnds()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var (first, recurringPayment) = await SubscribedAsync();
        MakeNextCycleDue(recurringPayment);
        //the plugin authorized the cycle, then the server died before nopCommerce placed the order
        await Checkout.SubscriptionCharges.ChargeAsync(new Nop.Services.Payments.ProcessPaymentRequest
        {
            StoreId = first.StoreId, CustomerId = first.CustomerId, OrderGuid = Guid.NewGuid(), InitialOrder = first, OrderTotal = first.OrderTotal
        });

        await Store.DeleteRecurringPaymentAsync(recurringPayment.Id);
        await Checkout.SubscriptionTask.ExecuteAsync();

        var charge = SubscriptionOf(recurringPayment).Charges.Single();
        Assert.That(charge.State, Is.EqualTo(LinePayCycleState.Returned));
        Assert.That(Emulator.Transactions.Find(charge.TransactionId!.Value)!.State.ToString(), Is.EqualTo("Voided"));
        Assert.That(Emulator.RegKeys.All().Single(k => k.TransactionId == PaymentOf(first).TransactionId).Expired, Is.True);
    }

    [Test]
    public async Task LinePayUnreachableWhileGivingBackKeepsTheTaskAsking()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.ApplyThenAbort());
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Http500(), times: 10);
        await ChargeNextCycleAsync(recurringPayment);
        await CustomerCancelsAsync(recurringPayment);

        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(SubscriptionOf(recurringPayment).Charges.Single().State, Is.EqualTo(LinePayCycleState.Unknown));
        Assert.That(await Checkout.SubscriptionSchedule.GetAsync(recurringPayment.Id), Is.Not.Null, "asked again at a later run");
    }
}
