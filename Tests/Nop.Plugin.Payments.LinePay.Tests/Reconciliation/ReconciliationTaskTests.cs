using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;

namespace Nop.Plugin.Payments.LinePay.Tests.Reconciliation;

[TestFixture]
public class ReconciliationTaskTests : CheckoutTestBase
{
    private LinePayReconciliationTask Task => new(Store.Logger.Object, Store.OrderService.Object, Store.Settings.Service.Object,
        Store.ClientFactory, Checkout.Notes, Checkout.OrderPayments, Checkout.Confirmation);

    // as if the payment was requested this long ago
    private void Age(Nop.Core.Domain.Orders.Order order, TimeSpan age)
    {
        var payment = PaymentOf(order);
        payment.RequestedOnUtc = DateTime.UtcNow - age;
        Store.SavePayment(order.Id, payment);
    }

    [Test]
    public async Task ADroppedReturnIsConfirmedByTheTask()
    {
        var (order, _) = await ApprovedOrderAsync();
        Age(order, TimeSpan.FromMinutes(6));

        await Task.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(NotesOf(order), Has.Some.Contains("payment captured: transaction"));
        });
    }

    [Test]
    public async Task AYoungPaymentIsLeftAlone()
    {
        var (order, _) = await ApprovedOrderAsync();

        await Task.ExecuteAsync();

        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.Zero);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
    }

    [Test]
    public async Task AReservationTheCustomerHasNotApprovedYetIsNotConfirmed()
    {
        var order = Store.PlaceOrder(1500m);
        await Checkout.PostProcessAsync(order);
        Age(order, TimeSpan.FromMinutes(6));

        await Task.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1));
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task AnExpiredReservationIsNotedAndTheOrderStaysPending()
    {
        var order = Store.PlaceOrder(1500m);
        await Checkout.PostProcessAsync(order);
        Age(order, TimeSpan.FromMinutes(25));
        Emulator.Clock.Advance(TimeSpan.FromMinutes(25));

        await Task.ExecuteAsync();

        Assert.Multiple(() =>
        {
            //past the reservation's lifetime LINE Pay refuses the Confirm (1180): nothing is charged, the refusal is noted
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.Zero);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Failed));
            Assert.That(NotesOf(order), Has.Some.Contains("refused the confirmation").And.Contains("1180"));
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
        Age(order, TimeSpan.FromMinutes(10));

        await Task.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        });
    }
}
