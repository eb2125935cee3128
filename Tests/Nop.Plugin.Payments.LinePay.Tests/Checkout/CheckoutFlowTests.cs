using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

[TestFixture]
public class CheckoutFlowTests : CheckoutTestBase
{
    [Test]
    public async Task CaptureModeCheckoutMarksTheOrderPaid()
    {
        var order = Store.PlaceOrder(1500m);

        var paymentUrl = await Checkout.PostProcessAsync(order);
        Assert.That(paymentUrl.GetLeftPart(UriPartial.Authority), Is.EqualTo(Emulator.BaseAddress.GetLeftPart(UriPartial.Authority)));
        var requested = PaymentOf(order);
        Assert.That(requested.State, Is.EqualTo(LinePayPaymentState.Requested));
        Assert.That(LinePayOrderIds.TryParse(requested.LinePayOrderId, out var guid, out var attempt) && guid == order.OrderGuid && attempt == 1);
        var transaction = Emulator.Transactions.Find(requested.TransactionId)!;
        Assert.That((transaction.Amount, transaction.Currency, transaction.Capture), Is.EqualTo((1500m, "TWD", true)));

        var confirmUrl = await Emulator.Customer.ApproveAsync(paymentUrl);
        Assert.That(confirmUrl.GetLeftPart(UriPartial.Path), Is.EqualTo(NopStore.StoreLocation + "Plugins/PaymentLinePay/Confirm"));
        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        var stored = Store.GetOrder(order.Id);
        var payment = PaymentOf(order);
        Assert.Multiple(() =>
        {
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Processing));
            Assert.That(stored.CaptureTransactionId, Is.EqualTo(requested.TransactionId.ToString()));
            Assert.That(stored.CaptureTransactionResult, Is.EqualTo("LINE Pay captured 1500 TWD"));
            Assert.That(stored.AuthorizationTransactionId, Is.EqualTo(requested.TransactionId.ToString()));
            Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(payment.ConfirmedOnUtc, Is.Not.Null);
            Assert.That(Emulator.Transactions.Find(requested.TransactionId)!.State, Is.EqualTo(TransactionState.Captured));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(NotesOf(order), Has.Some.Contains($"payment requested (attempt 1): transaction {requested.TransactionId}"));
            Assert.That(NotesOf(order), Has.Some.Contains("payment captured").And.Contains("1500 TWD"));
            Assert.That(NotesOf(order), Has.Some.EqualTo("Order has been marked as paid"));
            Assert.That(Notifications, Is.Empty);
        });
        AssertNoSecretAnywhere(order);
    }

    [Test]
    public async Task AuthorizeOnlyCheckoutMarksTheOrderAuthorizedAndNotesTheExpiry()
    {
        UsePaymentMode(LinePayPaymentMode.AuthorizeOnly);

        var (order, confirmUrl) = await ApprovedOrderAsync(800m);
        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        var stored = Store.GetOrder(order.Id);
        var payment = PaymentOf(order);
        var transaction = Emulator.Transactions.Find(payment.TransactionId)!;
        Assert.Multiple(() =>
        {
            Assert.That(transaction.Capture, Is.False);
            Assert.That(transaction.State, Is.EqualTo(TransactionState.Authorized));
            Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Authorized));
            Assert.That(stored.AuthorizationTransactionId, Is.EqualTo(payment.TransactionId.ToString()));
            Assert.That(stored.CaptureTransactionId, Is.Null);
            Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Authorized));
            Assert.That(payment.AuthorizationExpiresOnUtc, Is.EqualTo(transaction.AuthorizationExpiresAt!.Value.UtcDateTime).Within(TimeSpan.FromSeconds(1)));
            Assert.That(NotesOf(order), Has.Some.Contains("the authorization expires on " + payment.AuthorizationExpiresOnUtc!.Value.ToString("yyyy-MM-dd")));
            Assert.That(ConfirmCalls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task CancellingOnLinePayLeavesTheOrderPending()
    {
        var order = Store.PlaceOrder(500m);
        var paymentUrl = await Checkout.PostProcessAsync(order);

        var result = await Checkout.ArriveAsync(await Emulator.Customer.CancelAsync(paymentUrl));

        AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Cancelled));
            Assert.That(NotesOf(order), Has.Some.Contains("the customer cancelled the payment on LINE Pay"));
            Assert.That(Notifications, Is.EqualTo(new[] { ("warning", NopStore.English("Plugins.Payments.LinePay.Return.Cancelled")) }));
            Assert.That(ConfirmCalls, Is.Zero);
        });
    }

    [Test]
    public async Task ACancelReturnForAPaymentLinePayShowsApprovedFinishesItOnce()
    {
        //the customer approved in the LINE app, and the browser still went to the cancel URL
        var (order, confirmUrl) = await ApprovedOrderAsync();
        var payment = PaymentOf(order);

        var cancelled = await Checkout.ArriveAsync(new Uri($"{NopStore.StoreLocation}{LinePayDefaults.CancelPath}?transactionId={payment.TransactionId}&orderId={payment.LinePayOrderId}"));
        var confirmed = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(cancelled, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        AssertRedirect(confirmed, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.EqualTo(1), "the cancel return asks LINE Pay first");
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        });
    }

    [Test]
    public async Task AConfirmReturnAfterACancelLinePayAgreesWithDoesNotConfirm()
    {
        var order = Store.PlaceOrder(1500m);
        var paymentUrl = await Checkout.PostProcessAsync(order);
        var cancelUrl = await Emulator.Customer.CancelAsync(paymentUrl);
        var payment = PaymentOf(order);
        await Checkout.ArriveAsync(cancelUrl);

        var result = await Checkout.ArriveAsync(new Uri($"{NopStore.StoreLocation}{LinePayDefaults.ConfirmPath}?transactionId={payment.TransactionId}&orderId={payment.LinePayOrderId}"));

        AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Cancelled));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task TheDisplayLocaleFollowsTheCustomersLanguage()
    {
        var requests = Checkout.Requests;

        Assert.That(await requests.GetDisplayLocaleAsync(Store.PlaceOrder(1m, languageId: NopStore.ChineseLanguageId)), Is.EqualTo("zh_TW"));
        Assert.That(await requests.GetDisplayLocaleAsync(Store.PlaceOrder(1m, languageId: NopStore.ThaiLanguageId)), Is.EqualTo("th"));
        Assert.That(await requests.GetDisplayLocaleAsync(Store.PlaceOrder(1m, languageId: NopStore.EnglishLanguageId)), Is.EqualTo("en"));
        Assert.That(await requests.GetDisplayLocaleAsync(Store.PlaceOrder(1m, languageId: 99)), Is.EqualTo("en"));
    }

    [Test]
    public async Task ThePaymentMethodStartsThePaymentThroughTheRequestService()
    {
        var order = Store.PlaceOrder(300m);
        var method = new LinePayPaymentMethod(null, null, Store.LocalizationService.Object, null, Store.Settings.Service.Object, Store.WebHelper.Object,
            null, null, Store.ChannelSecrets, null, null, null, Checkout.OrderPayments, Checkout.Requests, Store.Settings.Load(NopStore.StoreId),
            null, null, new Nop.Core.Domain.Cms.WidgetSettings());
        var http = Store.StartRequest();

        await method.PostProcessPaymentAsync(new Nop.Services.Payments.PostProcessPaymentRequest { Order = order });

        Assert.That(http.Response.StatusCode, Is.EqualTo(302));
        Assert.That(http.Response.Headers.Location.ToString(), Is.EqualTo(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.PaymentUrl!.ToString()));
    }

    [Test]
    public async Task ARefusedRequestLeavesANoteAndAMessageForTheCustomer()
    {
        var order = Store.PlaceOrder(300m);
        Emulator.Faults.Next(LinePayEndpoint.Request, Fault.Answer("1104"));

        var exception = Assert.ThrowsAsync<Nop.Core.NopException>(() => Checkout.PostProcessAsync(order));

        Assert.That(exception!.Message, Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.Checkout.RequestFailed")));
        Assert.That(NotesOf(order), Has.Some.Contains("failed: LINE Pay returned 1104"));
        Assert.That(Store.Log, Has.One.Matches<(string Level, string Message)>(entry => entry.Level == "error" && entry.Message.Contains("1104")),
            "the store's setup is at fault: the shop owner reads it in the log");
        Assert.That(PaymentOf(order), Is.Null);
        Assert.That(Store.HttpContext.Response.StatusCode, Is.EqualTo(200), "no redirect");
    }

    [Test]
    public async Task ARequestTimeoutLeavesANoteAndAMessageForTheCustomer()
    {
        Store.ClientFactory.Timeouts = new Nop.Plugin.Payments.LinePay.Services.Api.LinePayTimeouts { Request = TimeSpan.FromMilliseconds(300) };
        var order = Store.PlaceOrder(300m);
        Emulator.Faults.Next(LinePayEndpoint.Request, Fault.Delay(TimeSpan.FromSeconds(5)));

        Assert.ThrowsAsync<Nop.Core.NopException>(() => Checkout.PostProcessAsync(order));

        Assert.That(NotesOf(order), Has.Some.Contains("LINE Pay did not answer in time"));
    }
}
