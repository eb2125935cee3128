using Moq;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Reconciliation;

[TestFixture]
public class ReconciliationTaskTests : CheckoutTestBase
{
    [Test]
    public async Task AYoungPaymentIsLeftAlone()
    {
        var (order, _) = await ApprovedOrderAsync();

        await ReconciliationTask.ExecuteAsync();

        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.Zero);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
    }

    [Test]
    public async Task AReservationTheCustomerHasNotApprovedYetIsNotConfirmed()
    {
        var order = Store.PlaceOrder(1500m);
        await Checkout.PostProcessAsync(order);
        AgePayment(order, TimeSpan.FromMinutes(6));

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1));
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task APaymentConfirmedElsewhereIsMarkedPaidWithoutASecondConfirm()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());
        await Checkout.ArriveAsync(confirmUrl);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
        AgePayment(order, TimeSpan.FromMinutes(10));

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        });
    }

    [Test]
    public async Task AnOrderOfAStoreWithIncompleteSettingsDoesNotStopTheOthers()
    {
        var (first, _) = await ApprovedOrderAsync();
        var (broken, _) = await ApprovedOrderAsync();
        var (last, _) = await ApprovedOrderAsync();
        const int unconfiguredStoreId = 2;
        Store.Settings.Set(unconfiguredStoreId, nameof(LinePayPaymentSettings.ChannelSecret), string.Empty);
        var moved = Store.GetOrder(broken.Id);
        moved.StoreId = unconfiguredStoreId;
        await Store.OrderService.Object.UpdateOrderAsync(moved);
        foreach (var order in new[] { first, broken, last })
            AgePayment(order, TimeSpan.FromMinutes(6));

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(first.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(Store.GetOrder(last.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(Store.GetOrder(broken.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(ConfirmCalls, Is.EqualTo(2));
        });
        Store.Logger.Verify(l => l.ErrorAsync(It.Is<string>(m => m.Contains($"order {broken.Id} (store {unconfiguredStoreId})")),
            It.IsAny<Exception>(), It.IsAny<Nop.Core.Domain.Customers.Customer>()), Times.Once);
    }

    [Test]
    public async Task WithCancelUnpaidOrdersAnExpiredPaymentCancelsTheOrder()
    {
        Store.Settings.Set(NopStore.StoreId, nameof(LinePayPaymentSettings.CancelUnpaidOrders), true);
        var order = Store.PlaceOrder(1500m);
        await Checkout.PostProcessAsync(order);
        AgePayment(order, TimeSpan.FromMinutes(25));
        Emulator.Clock.Advance(TimeSpan.FromMinutes(25));

        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Cancelled));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Failed));
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(NotesOf(order), Has.Some.Contains("was cancelled or expired on LINE Pay"));
            Assert.That(NotesOf(order), Has.Some.EqualTo("Order has been cancelled"));
            Assert.That(NotesOf(order), Has.Some.Contains("cancelled because transaction").And.Contains("Cancel unpaid orders"));
        });
    }

    [Test]
    public async Task WithoutCancelUnpaidOrdersAnExpiredPaymentLeavesTheOrderPending()
    {
        var order = Store.PlaceOrder(1500m);
        await Checkout.PostProcessAsync(order);
        AgePayment(order, TimeSpan.FromMinutes(25));
        Emulator.Clock.Advance(TimeSpan.FromMinutes(25));

        await ReconciliationTask.ExecuteAsync();

        Assert.That(Store.GetOrder(order.Id).OrderStatus, Is.EqualTo(OrderStatus.Pending));
        Assert.That(NotesOf(order), Has.None.EqualTo("Order has been cancelled"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AServerThatDiedHoldingTheClaimDoesNotStopTheApprovedPaymentFromBeingFinishedInTime(bool confirmApplied)
    {
        var (order, _) = await ApprovedOrderAsync();
        //a server took the claim, saved Confirming, perhaps sent Confirm, and died
        var payment = PaymentOf(order);
        Assert.That(await Checkout.Claims.TryClaimAsync(order, payment), Is.Not.Null);
        if (confirmApplied)
            Assert.That((await Api.ConfirmAsync(payment.TransactionId, "1500")).ReturnCode, Is.EqualTo("0000"));
        Emulator.Journal.Clear();
        payment = PaymentOf(order);
        payment.State = LinePayPaymentState.Confirming;
        payment.RequestedOnUtc = DateTime.UtcNow.AddMinutes(-9);
        payment.UpdatedOnUtc = DateTime.UtcNow - LinePayDefaults.ClaimAbandonedAfter - TimeSpan.FromSeconds(1);
        Store.SavePayment(order.Id, payment);

        await ReconciliationTask.ExecuteAsync();

        var after = PaymentOf(order);
        Assert.Multiple(() =>
        {
            //within LINE Pay's 20 minutes: the claim is put back and the approved payment confirmed at once
            Assert.That(ConfirmCalls, Is.EqualTo(confirmApplied ? 0 : 1));
            Assert.That(Emulator.Transactions.Find(after.TransactionId)!.ConfirmCount, Is.EqualTo(1));
            Assert.That(after.State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(Store.AttributeRowsOf(order.Id, LinePayDefaults.ConfirmClaimAttribute).Select(row => row.Value),
                Is.EqualTo(new[] { $"{after.TransactionId}:{after.ConfirmClaims + 1}" }));
        });
    }

    [Test]
    public async Task AClaimHeldByARequestStillAtWorkIsLeftAlone()
    {
        var (order, _) = await ApprovedOrderAsync();
        AgePayment(order, TimeSpan.FromMinutes(6));
        Assert.That(await Checkout.Claims.TryClaimAsync(order, PaymentOf(order)), Is.Not.Null);

        await ReconciliationTask.ExecuteAsync();

        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.Zero);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(Store.AttributeRowsOf(order.Id, LinePayDefaults.ConfirmClaimAttribute), Is.Empty);
    }
}
