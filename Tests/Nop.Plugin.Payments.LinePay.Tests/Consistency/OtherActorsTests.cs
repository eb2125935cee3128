using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency;

/// <summary>
/// What other actors do while a LINE Pay payment is open (admins, a dying server, repeated clicks, LINE Pay's odd
/// answers), each named after what the shop sees
/// </summary>
[TestFixture]
public class OtherActorsTests : CheckoutTestBase
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task MoneyLinePayTookForAnOrderCancelledOrDeletedWhileItsAnswerWasLostIsRefundedAndTheCustomerIsNotAskedToPayAgain(bool deleted)
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));

        if (deleted)
            await Checkout.AdminDeletesAsync(order);
        else
            await Checkout.AdminCancelsAsync(order);
        var retryOffered = await Checkout.PaymentMethod().CanRePostProcessPaymentAsync(Store.GetOrder(order.Id));
        await ReconciliationTask.ExecuteAsync();

        var transaction = Emulator.Transactions.Find(PaymentOf(order).TransactionId)!;
        Assert.Multiple(() =>
        {
            Assert.That(retryOffered, Is.False, "no Retry payment while LINE Pay may hold the money");
            Assert.That(transaction.State, Is.EqualTo(TransactionState.Refunded));
            Assert.That(transaction.RefundedAmount, Is.EqualTo(1500m));
            Assert.That(transaction.ConfirmCount, Is.EqualTo(1));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Refunded));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending), "never marked paid");
            Assert.That(NotesOf(order), Has.Some.Contains($"is {(deleted ? "deleted" : "cancelled")} while LINE Pay holds 1500 TWD"));
            Assert.That(NotesOf(order), Has.Some.Contains("was given back: 1500 TWD was refunded"));
        });
    }

    [Test]
    public async Task WithRefundsOfCancelledOrdersTurnedOffTheMoneyIsNotedAndLoggedOnceForTheShopOwner()
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.RefundPaymentsOfCancelledOrders), false);
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        await Checkout.AdminCancelsAsync(order);

        await ReconciliationTask.ExecuteAsync();
        await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow);
        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.State, Is.EqualTo(TransactionState.Captured));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.HeldForCancelledOrder));
            Assert.That(NotesOf(order).Count(note => note.Contains("\"Refund payments of cancelled orders\" is off: refund it")), Is.EqualTo(1));
            Assert.That(NotesOf(order), Has.One.Contains("the order was cancelled while LINE Pay may hold money for it").And.Contains("only reports it"));
            Assert.That(Store.Log.Count(entry => entry.Level == "error"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AnOrderCancelledWhileItsConfirmIsInFlightStaysCancelledAndItsMoneyIsGivenBack()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(400);

        var arrival = Task.Run(() => Checkout.ArriveAsync(confirmUrl));
        await Task.Delay(150);
        await Checkout.AdminCancelsAsync(order);
        await arrival;

        var stored = Store.GetOrder(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(NotesOf(order), Has.None.EqualTo("Order has been marked as paid"));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.State, Is.EqualTo(TransactionState.Refunded));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Refunded));
            Assert.That(Notifications.Select(n => n.Text), Has.Some.EqualTo(NopStore.English("Plugins.Payments.LinePay.Return.OrderCancelled")));
        });
    }

    [Test]
    public async Task WhenTheAmountsDoNotAddUpAndTheRefundFailsTheCustomerCannotPayAgainUntilTheMoneyIsBack()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync(1000m);
        Emulator.Settings.ConfirmPayInfoDifference = -1m;
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        var first = PaymentOf(order);
        var method = Checkout.PaymentMethod();

        var retryWhileDue = await method.CanRePostProcessPaymentAsync(Store.GetOrder(order.Id));
        Assert.ThrowsAsync<NopException>(() => Checkout.PostProcessAsync(order));
        var requestsWhileDue = Emulator.Journal.Count(LinePayEndpoint.Request);
        Emulator.Settings.ConfirmPayInfoDifference = 0m;
        await ReconciliationTask.ExecuteAsync();
        var retryOnceReturned = await method.CanRePostProcessPaymentAsync(Store.GetOrder(order.Id));
        Emulator.Journal.Clear();
        var paymentUrl = await Checkout.PostProcessAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(first.State, Is.EqualTo(LinePayPaymentState.ReturnDue));
            Assert.That(retryWhileDue, Is.False);
            Assert.That(requestsWhileDue, Is.EqualTo(1), "no new LINE Pay payment while the first one's money is held");
            Assert.That(Emulator.Transactions.Find(first.TransactionId)!.State, Is.EqualTo(TransactionState.Refunded));
            Assert.That(retryOnceReturned, Is.True);
            Assert.That(paymentUrl, Is.Not.Null);
            Assert.That(PaymentOf(order).Attempt, Is.EqualTo(2));
            Assert.That(PaymentOf(order).EarlierAttempts.Single().State, Is.EqualTo(LinePayPaymentState.Refunded));
            //the new request came only after Payment Details said no earlier attempt holds money
            Assert.That(Emulator.Journal.Calls.Select(call => call.Endpoint).TakeLast(2),
                Is.EqualTo(new[] { LinePayEndpoint.Details, LinePayEndpoint.Request }));
        });
    }

    [TestCase("1155")]
    [TestCase("1179")]
    [TestCase("1901")]
    [TestCase("1999")]
    public async Task AConfirmRefusedWithACodeThatLooksFinalIsCheckedAndAPaymentLinePayCompletedIsMarkedPaid(string code)
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        //LINE Pay completed the payment (e.g. a first Confirm whose answer got lost) and answers the next one with a refusal
        Assert.That((await Api.ConfirmAsync(PaymentOf(order).TransactionId, "1500")).ReturnCode, Is.EqualTo("0000"));
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer(code));

        await Checkout.ArriveAsync(confirmUrl);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [TestCase("1155")]
    [TestCase("1999")]
    public async Task AConfirmRefusedWhileLinePayShowsNothingPaidLeavesTheOrderPendingForARetry(string code)
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer(code));

        await Checkout.ArriveAsync(confirmUrl);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Failed));
            Assert.That(PaymentOf(order).LastReturnCode, Is.EqualTo(code));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
        Assert.That(await Checkout.PaymentMethod().CanRePostProcessPaymentAsync(Store.GetOrder(order.Id)), Is.True);
    }

    [Test]
    public async Task AConfirmAnswerWithoutATransactionIdIsCheckedInPaymentDetailsAndTheGenuinePaymentKept()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Settings.ConfirmAnswerOmitsTransactionId = true;

        await Checkout.ArriveAsync(confirmUrl);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Refund), Is.Zero);
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Details), Is.EqualTo(1));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.State, Is.EqualTo(TransactionState.Captured));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    [Test]
    public async Task ASecondRefundClickWhileTheFirstRefundsOutcomeIsUnknownRefundsNothingMore()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync(1000m);
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Http500());

        var firstClick = await Checkout.AdminRefundsAsync(order, 300m);
        var secondClick = await Checkout.AdminRefundsAsync(order, 300m);
        var stateBetween = PaymentOf(order).State;
        await ReconciliationTask.ExecuteAsync();

        var transaction = Emulator.Transactions.Find(PaymentOf(order).TransactionId)!;
        var stored = Store.GetOrder(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(firstClick.Single(), Does.Contain("Payment Details could not tell either"));
            Assert.That(secondClick.Single(), Does.Contain("is being verified"));
            Assert.That(stateBetween, Is.EqualTo(LinePayPaymentState.Refunding));
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Refund), Is.EqualTo(1));
            Assert.That(transaction.RefundedAmount, Is.EqualTo(300m));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(PaymentOf(order).RefundedAmount, Is.EqualTo(300m));
            Assert.That(stored.RefundedAmount, Is.EqualTo(300m), "the store records the refund LINE Pay made");
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(NotesOf(order), Has.Some.Contains($"refund transaction {transaction.Refunds.Single().RefundTransactionId} (300 TWD)"));
            Assert.That(NotesOf(order), Has.Some.Contains("the refund of 300 TWD sent from the order page whose answer was lost"));
        });
        Assert.That(await Checkout.AdminRefundsAsync(order, 200m), Is.Empty, "the next refund goes through once the first is settled");
    }

    [Test]
    public async Task AServerThatDiedBetweenSavingThePaymentAndMarkingTheOrderPaidLeavesTheTaskToMarkItPaid()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Store.OrderProcessing.FailNextMarkAsPaid = true;
        Assert.ThrowsAsync<IOException>(() => Checkout.ArriveAsync(confirmUrl));
        var pendingOrder = Store.GetOrder(order.Id).PaymentStatus;
        var firstLook = (await Store.Schedule.GetAsync(order.Id))!.DueOnUtc;

        await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow); //five minutes later
        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid), "the record was saved first");
            Assert.That(pendingOrder, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(firstLook, Is.EqualTo(DateTime.UtcNow + LinePayDefaults.ReconciliationMinimumAge).Within(TimeSpan.FromMinutes(1)),
                "a payment LINE Pay just took is looked at again minutes later");
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(NotesOf(order).Count(note => note == "Order has been marked as paid"), Is.EqualTo(1));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
        });
        Assert.That(await Checkout.AdminRefundsAsync(order, 100m), Is.Empty, "capture, void and refund are not blocked");
    }

    [Test]
    public async Task TwoRetryClicksMakeOneNewLinePayPaymentAndTheCustomerPaysTheOneTheStoreKnows()
    {
        var order = Store.PlaceOrder(1500m);
        var paymentUrl = await Checkout.PostProcessAsync(order);
        await Checkout.ArriveAsync(await Emulator.Customer.CancelAsync(paymentUrl));
        Emulator.Journal.Clear();
        //LINE Pay is slow to answer the first click's question, so the second click arrives meanwhile
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Delay(TimeSpan.FromMilliseconds(400)));
        var otherServer = new LinePayCheckout(Store) { Locker = Store.NewLocker().Object };

        var clicks = await Task.WhenAll(
            Task.Run(() => Attempt(() => Checkout.Requests.RequestPaymentAsync(order))),
            Task.Run(async () => { await Task.Delay(100); return await Attempt(() => otherServer.Requests.RequestPaymentAsync(order)); }));
        var newPayment = PaymentOf(order);
        var approved = await Emulator.Customer.ApproveAsync(Emulator.Transactions.Find(newPayment.TransactionId)!.PaymentUrl!);
        await Checkout.ArriveAsync(approved);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Request), Is.EqualTo(1));
            Assert.That(clicks.Count(error => error is null), Is.EqualTo(1));
            Assert.That(clicks.Single(error => error is not null), Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.Return.BeingProcessed")));
            Assert.That(newPayment.Attempt, Is.EqualTo(2));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        });
    }

    private static async Task<string> Attempt(Func<Task> click)
    {
        try
        {
            await click();
            return null;
        }
        catch (NopException exception)
        {
            return exception.Message;
        }
    }
}
