using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency;

/// <summary>
/// The scheduled task looks only at what is due, a bounded number a run, ever less often at what does not change, and
/// stops asking an unreachable LINE Pay
/// </summary>
[TestFixture]
public class BoundedTaskTests : CheckoutTestBase
{
    //a transaction id LINE Pay never issued (e.g. one of the sandbox, asked of production)
    private const long UnknownTransactionId = 2020010112345678901;

    [Test]
    public async Task ARunLooksOnlyAtThePaymentsThatAreDueNotAtThePaidHistory()
    {
        var history = Enumerable.Range(0, 40).Select(_ => Seed(LinePayPaymentState.Paid, confirmedDaysAgo: 3)).ToList();
        var due = Enumerable.Range(0, 3).Select(_ => Seed(LinePayPaymentState.Confirming)).ToList();

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(due.Count));
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Details), Is.Zero, "no paid order of the history was read");
            Assert.That(history.Select(order => NotesOf(order).Count), Has.All.Zero);
        });
    }

    [Test]
    public async Task ARunLooksAtOneHundredPaymentsAtMostTheMostOverdueFirst()
    {
        var orders = Enumerable.Range(0, 110).Select(i => Seed(LinePayPaymentState.Confirming, dueMinutesAgo: 200 - i)).ToList();

        await ReconciliationTask.ExecuteAsync();

        var asked = Emulator.Journal.For(LinePayEndpoint.Check).Select(call => call.TransactionId).ToHashSet();
        Assert.That(asked, Has.Count.EqualTo(LinePayDefaults.ReconciliationBatchSize));
        Assert.That(orders.Take(100).Select(order => PaymentOf(order).TransactionId), Is.SubsetOf(asked));
    }

    [Test]
    public async Task ATransactionLinePayDoesNotKnowIsAskedEverLessOftenAndNotedOnce()
    {
        var order = Seed(LinePayPaymentState.Confirming, transactionId: UnknownTransactionId);
        var waits = new List<TimeSpan>();

        for (var run = 0; run < 4; run++)
        {
            await ReconciliationTask.ExecuteAsync();
            var check = await Store.Schedule.GetAsync(order.Id);
            waits.Add(check!.DueOnUtc - DateTime.UtcNow);
            await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow, check.UnchangedVisits); //the wait is over
        }

        var period = TimeSpan.FromSeconds(LinePayDefaults.ReconciliationTaskSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(4));
            Assert.That(waits, Is.EqualTo(new[] { period, period * 2, period * 4, period * 8 }).Using<TimeSpan>((a, b) => Math.Abs((a - b).TotalSeconds) < 30));
            Assert.That(NotesOf(order).Count(note => note.Contains("could not be read")), Is.EqualTo(1));
            Assert.That(Store.Log, Is.Empty);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
        });
    }

    [Test]
    public async Task AnUnpaidPaymentOfACancelledOrderEndsOnceAndIsNotReadAgain()
    {
        var order = Seed(LinePayPaymentState.Requested);
        Store.UpdateStoredOrder(order.Id, stored => stored.OrderStatus = OrderStatus.Cancelled);

        await ReconciliationTask.ExecuteAsync();
        var logged = Store.Log.Count;
        var noted = NotesOf(order).Count;
        await ReconciliationTask.ExecuteAsync();
        await TaskRunsAgainLaterAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Cancelled));
            Assert.That(Emulator.Journal.Calls, Is.Empty, "no Confirm was ever sent, so there is nothing to ask");
            Assert.That(Store.Schedule.GetAsync(order.Id).Result, Is.Null);
            Assert.That(Store.Log, Has.Count.EqualTo(logged));
            Assert.That(NotesOf(order), Has.Count.EqualTo(noted));
        });
    }

    [Test]
    public async Task WhenLinePayIsUnreachableTheRunAsksNoFurtherPaymentsOfThatStore()
    {
        var orders = Enumerable.Range(0, 3).Select(i => Seed(LinePayPaymentState.Confirming, dueMinutesAgo: 10 - i)).ToList();
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500(), times: 3);

        await ReconciliationTask.ExecuteAsync();
        var askedWhileDown = Emulator.Journal.Count(LinePayEndpoint.Check);
        var stillDue = orders.Skip(1).Select(order => Store.Schedule.GetAsync(order.Id).Result!.DueOnUtc <= DateTime.UtcNow).ToList();

        Assert.That(askedWhileDown, Is.EqualTo(1));
        Assert.That(stillDue, Has.All.True, "the others are asked at the next run");
    }

    [Test]
    public async Task AnOpenPaymentPastTheAgeLimitIsGivenUpWithOneNoteAndOneError()
    {
        var order = Seed(LinePayPaymentState.Confirming, transactionId: UnknownTransactionId,
            openSince: DateTime.UtcNow - LinePayDefaults.GiveUpAfter - TimeSpan.FromHours(1));

        await ReconciliationTask.ExecuteAsync();
        await TaskRunsAgainLaterAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.GivenUp));
            Assert.That(NotesOf(order).Count(note => note.Contains("the store stops asking")), Is.EqualTo(1));
            Assert.That(Store.Log.Count(entry => entry.Level == "error"), Is.EqualTo(1));
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1), "LINE Pay is not asked any more");
            Assert.That(Store.Schedule.GetAsync(order.Id).Result, Is.Null);
        });
        Assert.That(await Checkout.PaymentMethod().CanRePostProcessPaymentAsync(Store.GetOrder(order.Id)), Is.False,
            "LINE Pay may still hold the money");
    }

    [Test]
    public async Task TheUpdateFromAnEarlierVersionListsTheStoredPaymentsThatHaveSomethingLeftToDo()
    {
        var open = Seed(LinePayPaymentState.Confirming);
        var paid = Seed(LinePayPaymentState.Paid, confirmedDaysAgo: 3);
        var old = Seed(LinePayPaymentState.Paid, confirmedDaysAgo: 365);
        var failed = Seed(LinePayPaymentState.Failed);
        foreach (var order in new[] { open, paid, old, failed })
            await Store.Schedule.UnscheduleAsync(order.Id);

        var listed = await Checkout.OrderPayments.ScheduleStoredAsync();

        Assert.That(listed, Is.EqualTo(2));
        Assert.That(new[] { open, paid, old, failed }.Select(order => Store.Schedule.GetAsync(order.Id).Result is not null),
            Is.EqualTo(new[] { true, true, false, false }));
    }

    // the one look the task takes at a payment minutes after its state changed (to bring its order in line) has come
    private async Task TaskRunsAgainLaterAsync(Order order)
    {
        var check = await Store.Schedule.GetAsync(order.Id);
        Assert.That(check!.DueOnUtc, Is.EqualTo(DateTime.UtcNow + LinePayDefaults.ReconciliationMinimumAge).Within(TimeSpan.FromMinutes(1)));
        await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow.AddMinutes(-1), check.UnchangedVisits);
        await ReconciliationTask.ExecuteAsync();
    }

    // a LINE Pay order with a stored record in the state, as earlier visits left it
    private Order Seed(LinePayPaymentState state, long? transactionId = null, int dueMinutesAgo = 1, int confirmedDaysAgo = 0,
        DateTime? openSince = null)
    {
        var order = Store.PlaceOrder(1500m);
        var payment = new LinePayOrderPayment
        {
            TransactionId = transactionId ?? 2026010100000000000 + order.Id,
            LinePayOrderId = LinePayOrderIds.Create(order.OrderGuid, 1),
            Attempt = 1,
            Amount = 1500m,
            Currency = "TWD",
            State = state,
            RequestedOnUtc = DateTime.UtcNow.AddDays(-confirmedDaysAgo).AddMinutes(-30),
            ConfirmedOnUtc = state == LinePayPaymentState.Paid ? DateTime.UtcNow.AddDays(-confirmedDaysAgo) : null,
            OpenSinceUtc = openSince,
            UpdatedOnUtc = DateTime.UtcNow
        };
        Store.SavePayment(order.Id, payment);
        Checkout.Claims.AddFirstClaimAsync(order, payment).GetAwaiter().GetResult();
        if (LinePayPaymentSchedule.NextCheckOnUtc(payment, DateTime.UtcNow) <= DateTime.UtcNow)
            Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow.AddMinutes(-dueMinutesAgo)).GetAwaiter().GetResult();
        return order;
    }
}
