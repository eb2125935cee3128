using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

[TestFixture]
public class ConfirmFailureTests : CheckoutTestBase
{
    [Test]
    public async Task ARefusalLeavesTheOrderPendingWithTheCodeNotedAndTheCustomerTold()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer("1141"));

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Failed));
            Assert.That(PaymentOf(order).LastReturnCode, Is.EqualTo("1141"));
            Assert.That(NotesOf(order), Has.Some.Contains("LINE Pay refused the confirmation").And.Contains("1141"));
            Assert.That(Notifications, Is.EqualTo(new[] { ("error", NopStore.English("Plugins.Payments.LinePay.Return.Refused")) }));
        });
    }

    [Test]
    public async Task AConfirmTimeoutThatWasNotAppliedStaysUnconfirmedUntilTheNextArrival()
    {
        Store.ClientFactory.Timeouts = new LinePayTimeouts { Confirm = TimeSpan.FromMilliseconds(300) };
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Delay(TimeSpan.FromSeconds(5)));

        var first = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(first, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending), "never paid without LINE Pay saying so");
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
        Assert.That(Notifications, Is.EqualTo(new[] { ("warning", NopStore.English("Plugins.Payments.LinePay.Return.BeingVerified")) }));
        Assert.That(NotesOf(order), Has.Some.Contains("LINE Pay did not answer in time"));

        //a refresh: Check says the customer approved and nothing was confirmed, so Confirm is safe now
        var second = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(second, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.EqualTo(1));
    }

    [Test]
    public async Task WhenCheckCannotBeReachedEitherThePaymentStaysUnconfirmed()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());

        await Checkout.ArriveAsync(confirmUrl);

        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));

        //the next arrival settles it without confirming again
        var result = await Checkout.ArriveAsync(confirmUrl);
        AssertRedirect(result, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [TestCase(LinePayPaymentMode.CaptureImmediately, TransactionState.Refunded, LinePayPaymentState.Refunded)]
    [TestCase(LinePayPaymentMode.AuthorizeOnly, TransactionState.Voided, LinePayPaymentState.Voided)]
    public async Task APayInfoThatDoesNotAddUpIsReturnedAtOnce(LinePayPaymentMode mode, TransactionState returned, LinePayPaymentState state)
    {
        UsePaymentMode(mode);
        var (order, confirmUrl) = await ApprovedOrderAsync(1000m);
        Emulator.Settings.ConfirmPayInfoDifference = -1m;

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(PaymentOf(order).State, Is.EqualTo(state));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.State, Is.EqualTo(returned));
            Assert.That(NotesOf(order), Has.Some.Contains("took 999 TWD for transaction").And.Contains("not the 1000 TWD requested"));
            Assert.That(NotesOf(order), Has.Some.Contains("was given back"));
            Assert.That(Notifications, Is.EqualTo(new[] { ("error", NopStore.English("Plugins.Payments.LinePay.Return.AmountMismatch")) }));
        });
    }

    [Test]
    public async Task ACancelledOrderIsNotConfirmed()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Store.UpdateStoredOrder(order.Id, o => o.OrderStatus = Nop.Core.Domain.Orders.OrderStatus.Cancelled);

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(Notifications.Single().Text, Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.Return.NotPayable")));
    }
}
