using System.Net;
using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;
using Microsoft.AspNetCore.WebUtilities;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class ApprovalPageTests : EmulatorTest
{
    private readonly HttpClient _browser = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    [OneTimeTearDown]
    public void DisposeBrowser() => _browser.Dispose();

    [Test]
    public async Task PageShowsTheOrderWithBothFormsAndEncodesMerchantText()
    {
        var body = PaymentRequestBody.Create("ORDER-<b>1</b>", "150", "TWD", ("<script>alert(1)</script>", 1, "100"),
            ("Ink & paper", 1, "50"));
        var transactionId = await Api.RequestAsync(body);

        var html = await _browser.GetStringAsync(Emulator.Transactions.Find(transactionId)!.PaymentUrl);

        Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
        Assert.That(html, Does.Not.Contain("<script>"));
        Assert.That(html, Does.Contain("ORDER-&lt;b&gt;1&lt;/b&gt;"));
        Assert.That(html, Does.Contain("Ink &amp; paper"));
        Assert.That(html, Does.Contain("<span id=\"amount\">150</span>"));
        Assert.That(html, Does.Contain("<span id=\"currency\">TWD</span>"));
        Assert.That(html, Does.Contain("<form id=\"approve\" method=\"post\">"));
        Assert.That(html, Does.Contain("<form id=\"cancel\" method=\"post\">"));
    }

    [Test]
    public async Task ApproveRedirectsToConfirmUrlWithTransactionIdAndOrderId()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(orderId));

        var location = await Emulator.ApproveAsync(transactionId);

        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(PaymentRequestBody.ConfirmUrl));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.That(query["transactionId"].ToString(), Is.EqualTo(transactionId.ToString()));
        Assert.That(query["orderId"].ToString(), Is.EqualTo(orderId));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authenticated));
        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0110"));
    }

    [Test]
    public async Task ExistingQueryIsKeptAndOrderIdIsNotRepeated()
    {
        var orderId = "A&B 1";
        var body = PaymentRequestBody.Create(orderId);
        body["redirectUrls"]!["confirmUrl"] = "https://shop.example/confirm?request_type=confirm&orderId=A%26B%201";
        body["redirectUrls"]!["cancelUrl"] = "https://shop.example/cancel?store=2";
        var approved = await Api.RequestAsync(body);
        var cancelledBody = body.DeepClone().AsObject();
        var cancelled = await Api.RequestAsync(cancelledBody);

        var confirmLocation = await Emulator.ApproveAsync(approved);
        var cancelLocation = await Emulator.CancelAsync(cancelled);

        Assert.That(confirmLocation.AbsoluteUri,
            Is.EqualTo($"https://shop.example/confirm?request_type=confirm&orderId=A%26B%201&transactionId={approved}"));
        Assert.That(cancelLocation.AbsoluteUri,
            Is.EqualTo($"https://shop.example/cancel?store=2&transactionId={cancelled}&orderId=A%26B%201"));
    }

    [Test]
    public async Task CancelRedirectsToCancelUrlAndCheckReports0121()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(orderId));

        var location = await Emulator.CancelAsync(transactionId);

        Assert.That(location.AbsoluteUri,
            Is.EqualTo($"{PaymentRequestBody.CancelUrl}?transactionId={transactionId}&orderId={orderId}"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Cancelled));
        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0121"));
    }

    [Test]
    public async Task FailMarksThePaymentFailed()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        var location = await Emulator.Customer.FailAsync(transactionId);

        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo(PaymentRequestBody.CancelUrl));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Failed));
    }

    [Test]
    public async Task ApprovingTwiceRedirectsAgainWithoutChangingTheState()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var paymentUrl = Emulator.Transactions.Find(transactionId)!.PaymentUrl!;

        var first = await Emulator.Customer.ApproveAsync(paymentUrl);
        var second = await Emulator.Customer.ApproveAsync(paymentUrl);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authenticated));
    }

    [Test]
    public async Task ClosedRequestShowsNoFormsAndRefusesSubmissions()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var paymentUrl = Emulator.Transactions.Find(transactionId)!.PaymentUrl!;
        await Emulator.Customer.CancelAsync(paymentUrl);

        var html = await _browser.GetStringAsync(paymentUrl);
        using var post = await _browser.PostAsync(paymentUrl,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }));

        Assert.That(html, Does.Not.Contain("<form"));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Cancelled));
    }

    [Test]
    public async Task UnknownReservationIs404()
    {
        using var response = await _browser.GetAsync(new Uri(Emulator.BaseAddress, "web/payment/wait?transactionReserveId=nope"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ConfirmUrlTypeNoneShowsAPageInsteadOfRedirecting()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId());
        body["redirectUrls"] = new JsonObject { ["confirmUrlType"] = "NONE" };
        var transactionId = await Api.RequestAsync(body);

        using var response = await Emulator.Customer.SubmitAsync(Emulator.Transactions.Find(transactionId)!.PaymentUrl!, "approve");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.Location, Is.Null);
        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0110"));
    }

    [Test]
    public async Task ConfirmUrlTypeServerMakesTheEmulatorCallConfirmUrl()
    {
        var port = FreePort();
        using var shop = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        shop.Start();
        var orderId = PaymentRequestBody.NewOrderId();
        var body = PaymentRequestBody.Create(orderId);
        body["redirectUrls"]!["confirmUrl"] = $"http://127.0.0.1:{port}/confirm?store=1";
        body["redirectUrls"]!["confirmUrlType"] = "SERVER";
        var transactionId = await Api.RequestAsync(body);
        var shopCalled = shop.GetContextAsync();

        var submit = Emulator.Customer.SubmitAsync(Emulator.Transactions.Find(transactionId)!.PaymentUrl!, "approve");
        var context = await shopCalled.WaitAsync(TimeSpan.FromSeconds(10));
        var calledUrl = context.Request.Url!;
        context.Response.StatusCode = 200;
        context.Response.Close();
        using var response = await submit;

        Assert.That(calledUrl.PathAndQuery, Is.EqualTo($"/confirm?store=1&transactionId={transactionId}&orderId={orderId}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("HTTP 200"));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
