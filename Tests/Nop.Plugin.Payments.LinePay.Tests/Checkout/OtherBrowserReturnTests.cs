using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// Returns that arrive in a browser without the session of the order's customer (LINE's in-app browser, typically):
/// nopCommerce would show such a visitor neither the completed page nor the order details, so the return goes to the
/// home page and says what came of the payment, naming the order number only
/// </summary>
[TestFixture]
public class OtherBrowserReturnTests : CheckoutTestBase
{
    private const string OrderNumber = "LP-2026-0042";

    /// <summary>An approved order with a custom order number different from its identifier</summary>
    private async Task<(Order Order, Uri ConfirmUrl)> ApprovedNumberedOrderAsync()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync(1500m);
        Store.UpdateStoredOrder(order.Id, o => o.CustomOrderNumber = OrderNumber);
        return (order, confirmUrl);
    }

    // the in-app browser's own guest customer
    private void ArriveInAnotherBrowser() => Store.CurrentCustomer = new Customer { Id = NopStore.CustomerId + 100 };

    private static (string, string) Message(string kind, string outcome) =>
        (kind, string.Format(NopStore.English($"Plugins.Payments.LinePay.Return.OtherBrowser.{outcome}"), OrderNumber));

    [TestCase(LinePayPaymentMode.CaptureImmediately, PaymentStatus.Paid)]
    [TestCase(LinePayPaymentMode.AuthorizeOnly, PaymentStatus.Authorized)]
    public async Task APaymentConfirmedInAnotherBrowserGoesHomeSayingItWasReceived(LinePayPaymentMode mode, PaymentStatus status)
    {
        UsePaymentMode(mode);
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(status));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Notifications, Is.EqualTo(new[] { Message("success", "Paid") }));
            Assert.That(Notifications.Single().Text, Does.Contain(OrderNumber).And.Not.Contain("1500").And.Not.Contain(order.Id.ToString()));
        });
    }

    [Test]
    public async Task TheOrdersCustomerStillGoesToTheCompletedPage()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        //signed in again as the same customer: another object, the same identifier
        Store.CurrentCustomer = new Customer { Id = order.CustomerId };

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(Notifications, Is.Empty);
    }

    [Test]
    public async Task AConfirmUrlOpenedInAnotherBrowserAfterThePaymentSaysItWasReceivedWithoutConfirmingAgain()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        AssertRedirect(await Checkout.ArriveAsync(confirmUrl), NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(Notifications, Is.EqualTo(new[] { Message("success", "Paid") }));
    }

    [Test]
    public async Task AnUnknownOutcomeInAnotherBrowserGoesHomeSayingThePaymentIsBeingVerified()
    {
        Store.ClientFactory.Timeouts = new LinePayTimeouts { Confirm = TimeSpan.FromMilliseconds(300) };
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Delay(TimeSpan.FromSeconds(5)));
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Confirming));
            Assert.That(Notifications, Is.EqualTo(new[] { Message("warning", "BeingVerified") }));
        });
    }

    [Test]
    public async Task AReturnInAnotherBrowserWhileThePaymentIsBeingProcessedGoesHomeWithAWarning()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        ArriveInAnotherBrowser();

        using (Store.HoldLock(string.Format(LinePayDefaults.ConfirmLockKey, order.OrderGuid)))
            AssertRedirect(await Checkout.ArriveAsync(confirmUrl), NopRouteNames.General.HOMEPAGE);

        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
        Assert.That(Notifications, Is.EqualTo(new[] { Message("warning", "BeingVerified") }));
    }

    [Test]
    public async Task ARefusalInAnotherBrowserGoesHomeWithAnError()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer("1141"));
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Failed));
        Assert.That(Notifications, Is.EqualTo(new[] { Message("error", "Refused") }));
    }

    [Test]
    public async Task APayInfoThatDoesNotAddUpInAnotherBrowserGoesHomeSayingTheMoneyWasReturned()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        Emulator.Settings.ConfirmPayInfoDifference = -1m;
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(Notifications, Is.EqualTo(new[] { Message("error", "AmountMismatch") }));
    }

    [Test]
    public async Task AConfirmOfACancelledOrderInAnotherBrowserGoesHomeWithAnError()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        Store.UpdateStoredOrder(order.Id, o => o.OrderStatus = OrderStatus.Cancelled);
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(Notifications, Is.EqualTo(new[] { Message("error", "NotPayable") }));
    }

    [Test]
    public async Task ACancelInAnotherBrowserGoesHomeAndLeavesTheOrderPending()
    {
        var order = Store.PlaceOrder(500m);
        Store.UpdateStoredOrder(order.Id, o => o.CustomOrderNumber = OrderNumber);
        var cancelUrl = await Emulator.Customer.CancelAsync(await Checkout.PostProcessAsync(order));
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(cancelUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        var stored = Store.GetOrder(order.Id);
        Assert.Multiple(() =>
        {
            Assert.That((stored.OrderStatus, stored.PaymentStatus), Is.EqualTo((OrderStatus.Pending, PaymentStatus.Pending)));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Cancelled));
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(Notifications, Is.EqualTo(new[] { Message("warning", "Cancelled") }));
        });
    }

    [Test]
    public async Task ACancelInAnotherBrowserAfterThePaymentGoesHomeSayingItWasReceived()
    {
        var (order, confirmUrl) = await ApprovedNumberedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        var payment = PaymentOf(order);
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(new Uri(
            $"{NopStore.StoreLocation}{LinePayDefaults.CancelPath}?transactionId={payment.TransactionId}&orderId={payment.LinePayOrderId}"));

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(Notifications, Is.EqualTo(new[] { Message("success", "Paid") }));
    }

    [Test]
    public async Task AForgedReturnInAnotherBrowserNamesNoOrder()
    {
        var (order, _) = await ApprovedNumberedOrderAsync();
        var payment = PaymentOf(order);
        ArriveInAnotherBrowser();

        var result = await Checkout.ArriveAsync(new Uri(
            $"{NopStore.StoreLocation}{LinePayDefaults.ConfirmPath}?transactionId={payment.TransactionId + 1}&orderId={payment.LinePayOrderId}"));

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(Notifications, Is.EqualTo(new[] { ("error", NopStore.English("Plugins.Payments.LinePay.Return.Invalid")) }));
    }
}
