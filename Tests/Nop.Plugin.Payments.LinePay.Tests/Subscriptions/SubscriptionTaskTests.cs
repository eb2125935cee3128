using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// "LINE Pay: charge due subscriptions": the due cycles only, a bounded number per run, none while LINE Pay is unreachable
/// </summary>
[TestFixture]
public class SubscriptionTaskTests : SubscriptionTestBase
{
    // time passed: the cycle is due, and so is the task's entry for the subscription
    private async Task TimePassesAsync(RecurringPayment recurringPayment)
    {
        MakeNextCycleDue(recurringPayment);
        var next = await Store.OrderProcessing.Service.Object.GetNextPaymentDateAsync(Store.GetRecurringPayment(recurringPayment.Id));
        await Checkout.SubscriptionSchedule.ScheduleAsync(recurringPayment.Id, next!.Value);
    }

    [Test]
    public async Task TheFirstOrderSchedulesTheNextCycleAndTheTaskChargesItWhenDueOnly()
    {
        var (_, recurringPayment) = await SubscribedAsync();

        var scheduled = await Checkout.SubscriptionSchedule.GetAsync(recurringPayment.Id);
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(scheduled!.DueOnUtc, Is.EqualTo(DateTime.UtcNow.AddMonths(1)).Within(TimeSpan.FromMinutes(1)));
        Assert.That(PreapprovedPayments, Is.Zero, "not due yet");

        await TimePassesAsync(recurringPayment);
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(PreapprovedPayments, Is.EqualTo(1));
        Assert.That(CycleOrders(recurringPayment).Single().PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        var next = await Checkout.SubscriptionSchedule.GetAsync(recurringPayment.Id);
        Assert.That(next!.DueOnUtc, Is.GreaterThan(DateTime.UtcNow), "the cycle after it");

        await Checkout.SubscriptionTask.ExecuteAsync();
        Assert.That(PreapprovedPayments, Is.EqualTo(1), "a second run charges nothing more");
    }

    [Test]
    public async Task ARefusedCycleWaitsForTheCustomerOrTheAdminInsteadOfBeingTriedEveryRun()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        await TimePassesAsync(recurringPayment);
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Answer("1110"));

        await Checkout.SubscriptionTask.ExecuteAsync();
        await Checkout.SubscriptionSchedule.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow);
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(PreapprovedPayments, Is.EqualTo(1));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.True);
        Assert.That((await Checkout.SubscriptionSchedule.GetAsync(recurringPayment.Id))!.DueOnUtc, Is.GreaterThan(DateTime.UtcNow.AddHours(12)));
    }

    [Test]
    public async Task TheTaskStopsChargingAStoreWhileLinePayIsUnreachable()
    {
        var subscriptions = new List<RecurringPayment>();
        for (var i = 0; i < 3; i++)
            subscriptions.Add((await SubscribedAsync()).RecurringPayment);
        foreach (var recurringPayment in subscriptions)
            await TimePassesAsync(recurringPayment);
        Emulator.Faults.Next(LinePayEndpoint.PayPreapproved, Fault.Abort(), times: 10);
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Abort(), times: 10);

        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(PreapprovedPayments, Is.EqualTo(1), "the first one found LINE Pay unreachable; the others wait");
        Assert.That(subscriptions.Select(CycleOrders), Is.All.Empty);
        Assert.That(subscriptions.Select(rp => Store.GetRecurringPayment(rp.Id).LastPaymentFailed), Is.All.False);

        Emulator.Faults.Clear();
        foreach (var recurringPayment in subscriptions)
            await Checkout.SubscriptionSchedule.ScheduleAsync(recurringPayment.Id, DateTime.UtcNow.AddSeconds(-1));
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(subscriptions.Select(rp => CycleOrders(rp).Count), Is.All.EqualTo(1));
        var orderIds = subscriptions.Select(rp => SubscriptionOf(rp).Charges.Single().LinePayOrderId).ToList();
        Assert.That(orderIds.Select(orderId => Emulator.Transactions.All().Count(t => t.OrderId == orderId)), Is.All.EqualTo(1), "each cycle charged once");
    }

    [Test]
    public async Task ARunChargesAtMostTheBatchSizeTheMostOverdueFirst()
    {
        var subscriptions = new List<RecurringPayment>();
        for (var i = 0; i < LinePayDefaults.SubscriptionBatchSize + 2; i++)
            subscriptions.Add((await SubscribedAsync(100m)).RecurringPayment);
        for (var i = 0; i < subscriptions.Count; i++)
        {
            MakeNextCycleDue(subscriptions[i]);
            await Checkout.SubscriptionSchedule.ScheduleAsync(subscriptions[i].Id, DateTime.UtcNow.AddMinutes(-subscriptions.Count + i));
        }

        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(PreapprovedPayments, Is.EqualTo(LinePayDefaults.SubscriptionBatchSize));
        Assert.That(subscriptions.TakeLast(2).Select(CycleOrders), Is.All.Empty, "the least overdue wait for the next run");

        await Checkout.SubscriptionTask.ExecuteAsync();
        Assert.That(PreapprovedPayments, Is.EqualTo(LinePayDefaults.SubscriptionBatchSize + 2));
    }

    [Test]
    public async Task AnOrderWaitingForTheCustomerHoldsTheNextCycles()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        Emulator.RegKeys.Remove(RegKeyOf(recurringPayment));
        await Checkout.SubscriptionKeys.CheckAsync(Store.GetRecurringPayment(recurringPayment.Id), 1);
        await TimePassesAsync(recurringPayment);
        await Checkout.SubscriptionTask.ExecuteAsync();
        var waiting = CycleOrders(recurringPayment).Single();

        await TimePassesAsync(recurringPayment);
        await Checkout.SubscriptionTask.ExecuteAsync();

        Assert.That(waiting.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(CycleOrders(recurringPayment), Has.Count.EqualTo(1), "no second unpaid order");
        Assert.That(SubscriptionOf(recurringPayment).Charges.Single().State, Is.EqualTo(LinePayCycleState.AwaitingCustomer));
    }
}
