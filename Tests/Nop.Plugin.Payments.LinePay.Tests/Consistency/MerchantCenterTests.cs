using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency;

/// <summary>
/// What the merchant does in LINE Pay Merchant Center reaches the order: before the store settled the payment (Payment
/// Details' payStatus, currency and refundList decide), and after (the task mirrors refunds and voids)
/// </summary>
[TestFixture]
public class MerchantCenterTests : CheckoutTestBase
{
    [Test]
    public async Task AnAuthorizationVoidedInMerchantCenterBeforeTheStoreSettledItLeavesTheOrderUnpaid()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var order = await LostConfirmAsync();
        Emulator.MerchantCenter.Void(PaymentOf(order).TransactionId);

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Voided));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(NotesOf(order), Has.Some.Contains("was voided on LINE Pay (LINE Pay Merchant Center) before the store settled it"));
        });
    }

    [Test]
    public async Task APaymentRefundedInMerchantCenterBeforeTheStoreSettledItLeavesTheOrderUnpaid()
    {
        var order = await LostConfirmAsync();
        Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId);

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Refunded));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(NotesOf(order), Has.None.EqualTo("Order has been marked as paid"));
        });
        Assert.That(await Checkout.PaymentMethod().CanRePostProcessPaymentAsync(Store.GetOrder(order.Id)), Is.True,
            "LINE Pay holds nothing: the customer may pay again");
    }

    [Test]
    public async Task TheCustomerWhoPaysAgainAfterSuchARefundHasAPaidOrderWithNothingRefunded()
    {
        var order = await LostConfirmAsync();
        Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId);
        await ReconciliationTask.ExecuteAsync();

        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(Store.GetOrder(order.Id))));
        await ReconciliationTask.ExecuteAsync();

        var stored = Store.GetOrder(order.Id);
        Assert.That((stored.PaymentStatus, stored.RefundedAmount), Is.EqualTo((PaymentStatus.Paid, 0m)),
            "the refunded attempt's money was never the order's");
        Assert.That(PaymentOf(order).Attempt, Is.EqualTo(2));
        Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task APartialRefundInMerchantCenterBeforeTheStoreSettledItIsRecordedOnThePaidOrder()
    {
        var order = await LostConfirmAsync();
        var refund = Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId, 500m);

        await ReconciliationTask.ExecuteAsync();

        var stored = Store.GetOrder(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(PaymentOf(order).RefundableAmount, Is.EqualTo(1000m));
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(stored.RefundedAmount, Is.EqualTo(500m));
            Assert.That(NotesOf(order), Has.Some.Contains($"refund transaction {refund.RefundTransactionId} (500 TWD)"));
        });
    }

    [Test]
    public async Task RefundsMadeInMerchantCenterAfterThePaymentAreRecordedInTheOrderOneByOne()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        var transactionId = PaymentOf(order).TransactionId;

        var first = Emulator.MerchantCenter.Refund(transactionId, 300m);
        await TaskRunsLaterAsync(order);
        var afterFirst = Store.GetOrder(order.Id);
        var last = Emulator.MerchantCenter.Refund(transactionId);
        await TaskRunsLaterAsync(order);
        var afterLast = Store.GetOrder(order.Id);
        await TaskRunsLaterAsync(order); //the one look minutes after the last change

        Assert.Multiple(() =>
        {
            Assert.That(afterFirst.PaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
            Assert.That(afterFirst.RefundedAmount, Is.EqualTo(300m));
            Assert.That(afterLast.PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
            Assert.That(afterLast.RefundedAmount, Is.EqualTo(1500m));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Refunded));
            Assert.That(NotesOf(order), Has.Some.Contains($"refund transaction {first.RefundTransactionId} (300 TWD)"));
            Assert.That(NotesOf(order), Has.Some.Contains($"refund transaction {last.RefundTransactionId} (1200 TWD)"));
            Assert.That(Store.Schedule.GetAsync(order.Id).Result, Is.Null, "nothing is left to watch");
        });
    }

    [Test]
    public async Task AMerchantCenterRefundRightAfterARefundFromTheOrderPageIsRecordedOnceAndNamedAlone()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        await Checkout.AdminRefundsAsync(order, 300m);
        var fromOrderPage = PaymentOf(order).Refunds.Single();
        var inMerchantCenter = Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId, 200m);

        var first = await Checkout.Reconciliation.ReconcileAsync(Store.GetOrder(order.Id), askNow: true);
        var afterFirst = Store.GetOrder(order.Id);
        await Checkout.Reconciliation.ReconcileAsync(Store.GetOrder(order.Id), askNow: true);

        var note = NotesOf(order).Single(text => text.Contains("LINE Pay refunded transaction"));
        Assert.Multiple(() =>
        {
            Assert.That(first.StateChanged, Is.False);
            Assert.That(first.Changed, Is.True, "the order was changed although the payment is still Paid");
            Assert.That(afterFirst.RefundedAmount, Is.EqualTo(500m));
            Assert.That(Store.GetOrder(order.Id).RefundedAmount, Is.EqualTo(500m), "a second look records nothing again");
            Assert.That(note, Does.Contain($"refund transaction {inMerchantCenter.RefundTransactionId} (200 TWD)"));
            Assert.That(note, Does.Not.Contain(fromOrderPage.RefundTransactionId.ToString()));
            Assert.That(NotesOf(order), Has.Some.StartWith("[test API").And.Contains("] LINE Pay lists a refund"));
            Assert.That(NotesOf(order), Has.None.Contains("LINE Pay: LINE Pay"), "a note names LINE Pay once");
        });
    }

    [Test]
    public async Task ARefundNopCommerceHasNotRecordedYetIsNeverRecordedTwice()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        //the plugin refunded and told nopCommerce, which has not written the order yet
        var refund = await Checkout.Refunds.RefundAsync(new() { Order = Store.GetOrder(order.Id), AmountToRefund = 300m, IsPartialRefund = true });
        Emulator.MerchantCenter.Refund(PaymentOf(order).TransactionId, 200m);

        await Checkout.Reconciliation.ReconcileAsync(Store.GetOrder(order.Id), askNow: true);
        var withinGrace = Store.GetOrder(order.Id).RefundedAmount;
        var payment = PaymentOf(order);
        foreach (var made in payment.Refunds)
            made.RefundedOnUtc -= LinePayDefaults.StoreRefundGrace;
        Store.SavePayment(order.Id, payment);
        await Checkout.Reconciliation.ReconcileAsync(Store.GetOrder(order.Id), askNow: true);

        Assert.Multiple(() =>
        {
            Assert.That(refund.Success, Is.True);
            Assert.That(withinGrace, Is.EqualTo(200m), "the order page's refund is left to nopCommerce while it may still record it");
            Assert.That(Store.GetOrder(order.Id).RefundedAmount, Is.EqualTo(500m), "nopCommerce never recorded it: the store does, once");
        });
    }

    [Test]
    public async Task AnAuthorizationVoidedInMerchantCenterMarksTheOrderVoided()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.MerchantCenter.Void(PaymentOf(order).TransactionId);

        await TaskRunsLaterAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Voided));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Voided));
            Assert.That(NotesOf(order), Has.Some.Contains("voided on LINE Pay (LINE Pay Merchant Center)"));
        });
    }

    [Test]
    public async Task ACaptureRefusedBecauseMerchantCenterVoidedTheAuthorizationEndsWithTheOrderVoided()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.MerchantCenter.Void(PaymentOf(order).TransactionId);

        var firstClick = await Checkout.AdminCapturesAsync(order);
        var voided = PaymentOf(order);
        voided.StateChangedOnUtc -= TimeSpan.FromMinutes(10); //the admin tries again ten minutes later
        Store.SavePayment(order.Id, voided);
        var secondClick = await Checkout.AdminCapturesAsync(order);
        var stillListed = await Store.Schedule.GetAsync(order.Id) is not null;
        var orderBetween = Store.GetOrder(order.Id).PaymentStatus;
        await TaskRunsLaterAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(firstClick.Single(), Does.Contain("LINE Pay cancelled the authorization"));
            Assert.That(secondClick.Single(), Does.Contain("this order's LINE Pay payment is Voided"));
            Assert.That(orderBetween, Is.EqualTo(PaymentStatus.Authorized), "nopCommerce keeps its order as it was when the capture fails");
            Assert.That(stillListed, Is.True, "the task's look at the changed payment is still to come");
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Voided));
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Capture), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AnAuthorizationThatExpiredAtLinePayMarksTheOrderVoided()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.Clock.Advance(Emulator.Settings.AuthorizationLifetime + TimeSpan.FromHours(1));

        await TaskRunsLaterAsync(order);

        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.AuthorizationExpired));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Voided));
    }

    [Test]
    public async Task MoneyLinePayTookInAnotherCurrencyIsGivenBack()
    {
        var (order, _) = await ApprovedOrderAsync();
        var payment = PaymentOf(order);
        Assert.That((await Api.ConfirmAsync(payment.TransactionId, "1500")).ReturnCode, Is.EqualTo("0000"));
        var facts = new LinePayTransactionFacts(LinePayPayStatus.Capture, 1500m, "THB", [], null, "CREDIT_CARD");

        var result = await Checkout.Outcomes.TakeAsync(order, payment, await Store.ClientFactory.CreateClientAsync(order.StoreId), facts);

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(LinePayConfirmationOutcome.AmountMismatch));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Refunded));
            Assert.That(Emulator.Transactions.Find(payment.TransactionId)!.State, Is.EqualTo(TransactionState.Refunded));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    // LINE Pay applied the Confirm but neither its answer nor the follow-up Check reached the store
    private async Task<Order> LostConfirmAsync()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
        return order;
    }

    // the task's daily look at a paid or authorized payment has come
    private async Task TaskRunsLaterAsync(Order order)
    {
        await Store.Schedule.ScheduleAsync(order.Id, DateTime.UtcNow);
        await ReconciliationTask.ExecuteAsync();
    }
}
