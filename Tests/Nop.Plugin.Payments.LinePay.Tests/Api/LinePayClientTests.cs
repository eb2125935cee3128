using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayClientTests
{
    internal const string ChannelId = "1479113123";
    internal const string Secret = LinePaySignatureTests.Secret;
    private const long TransactionId = 2023042201206549310;

    internal static LinePayClient NewClient(LoopbackServer server, LinePayApiVersion version = LinePayApiVersion.V3,
        LinePayTimeouts timeouts = null, ListLogger<LinePayClient> logger = null) =>
        new(new HttpClient(LinePayClient.CreateHttpHandler()), new LinePayClientOptions
        {
            ChannelId = ChannelId,
            ChannelSecret = Secret,
            ApiVersion = version,
            BaseAddress = server.BaseAddress,
            Timeouts = timeouts ?? new LinePayTimeouts()
        }, logger);

    private static PaymentRequest NewPaymentRequest() => new()
    {
        Amount = 100.0000m,
        Currency = "TWD",
        OrderId = "ORDER-0001",
        Packages = [new PaymentPackage { Id = "pkg-1", Amount = 100m, Products = [new PaymentProduct { Name = "Pen", Quantity = 2, Price = 50m }] }],
        RedirectUrls = new PaymentRedirectUrls { ConfirmUrl = "https://shop.example/linepay/confirm", CancelUrl = "https://shop.example/linepay/cancel" }
    };

    private static void AssertSignedAsSent(CapturedRequest request, string signedContent)
    {
        var nonce = request.Header("X-LINE-Authorization-Nonce");
        Assert.That(Guid.TryParse(nonce, out _), Is.True, "the nonce is a UUID");
        Assert.That(nonce[14], Is.EqualTo('4'), "the nonce is a version 4 UUID");
        Assert.That(request.Header("X-LINE-ChannelId"), Is.EqualTo(ChannelId));
        Assert.That(request.Header("Content-Type"), Is.EqualTo("application/json"));
        Assert.That(request.Header("X-LINE-Authorization"), Is.EqualTo(LinePaySignature.Compute(Secret, request.Path, signedContent, nonce)));
        Assert.That(request.Headers.Keys, Has.None.Contains("Secret").IgnoreCase);
        Assert.That(request.Headers.Values, Has.None.Contains(Secret));
    }

    [Test]
    public async Task RequestSendsAndSignsTheExactSerialisedBytes()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\",\"info\":{\"paymentUrl\":{\"web\":\"https://sandbox-web-pay.line.me/web/payment/wait?transactionReserveId=abc\",\"app\":\"line://pay/payment/abc\"},\"transactionId\":2023042201206549310,\"paymentAccessToken\":\"056579816895\"}}");

        var info = await NewClient(server).RequestPaymentAsync(NewPaymentRequest());

        var sent = server.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("POST"));
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/request"));
        Assert.That(sent.Body, Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(LinePaySignatureTests.VectorABody)));
        AssertSignedAsSent(sent, LinePaySignatureTests.VectorABody);
        Assert.That(info.TransactionId, Is.EqualTo(TransactionId));
        Assert.That(info.PaymentAccessToken, Is.EqualTo("056579816895"));
        Assert.That(info.PaymentUrl.Web, Is.EqualTo("https://sandbox-web-pay.line.me/web/payment/wait?transactionReserveId=abc"));
        Assert.That(info.PaymentUrl.App, Is.EqualTo("line://pay/payment/abc"));
    }

    [Test]
    public async Task EveryCallUsesAFreshNonce()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"0000\",\"returnMessage\":\"OK\"}");
        var client = NewClient(server);

        await client.VoidPaymentAsync(TransactionId);
        await client.VoidPaymentAsync(TransactionId);

        var nonces = server.Requests.Select(r => r.Header("X-LINE-Authorization-Nonce")).ToList();
        Assert.That(nonces, Has.Count.EqualTo(2).And.Unique);
    }

    [Test]
    public async Task ConfirmSendsTheAmountInTheCurrencysScaleAndReadsPayInfo()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"OK\",\"info\":{\"orderId\":\"ORDER-0001\",\"transactionId\":2023042201206549310,\"payInfo\":[{\"method\":\"CREDIT_CARD\",\"amount\":90},{\"method\":\"POINT\",\"amount\":10}]}}");

        var info = await NewClient(server).ConfirmPaymentAsync(TransactionId, 100.0000m, "TWD");

        var sent = server.Requests.Single();
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/2023042201206549310/confirm"));
        Assert.That(sent.BodyText, Is.EqualTo("{\"amount\":100,\"currency\":\"TWD\"}"));
        AssertSignedAsSent(sent, sent.BodyText);
        Assert.That(info.TransactionId, Is.EqualTo(TransactionId));
        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m));
        Assert.That(info.PaymentProvider, Is.Null);
    }

    [Test]
    public async Task AFractionalTwdAmountIsRefusedBeforeAnythingIsSent()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"0000\",\"returnMessage\":\"OK\",\"info\":{}}");
        var client = NewClient(server);

        Assert.ThrowsAsync<ArgumentException>(() => client.ConfirmPaymentAsync(TransactionId, 100.5m, "TWD"));
        Assert.ThrowsAsync<ArgumentException>(() => client.RefundPaymentAsync(TransactionId, 0.5m, "TWD"));
        var request = NewPaymentRequest();
        request.Amount = 99.99m;
        Assert.ThrowsAsync<ArgumentException>(() => client.RequestPaymentAsync(request));

        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task CaptureSendsTwoDecimalThbAmountsToTheAuthorizationPath()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"OK\",\"info\":{\"orderId\":\"A\",\"transactionId\":2023042201206549310,\"payInfo\":[{\"method\":\"BALANCE\",\"amount\":20.25}]}}");

        var info = await NewClient(server).CapturePaymentAsync(TransactionId, 20.250m, "THB");

        var sent = server.Requests.Single();
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/authorizations/2023042201206549310/capture"));
        Assert.That(sent.BodyText, Is.EqualTo("{\"amount\":20.25,\"currency\":\"THB\"}"));
        AssertSignedAsSent(sent, sent.BodyText);
        Assert.That(info.PayInfo.Single().Amount, Is.EqualTo(20.25m));
    }

    [Test]
    public async Task VoidSendsAnEmptyBodySignedAsTheEmptyString()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"0000\",\"returnMessage\":\"OK\"}");

        await NewClient(server).VoidPaymentAsync(TransactionId);

        var sent = server.Requests.Single();
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/authorizations/2023042201206549310/void"));
        Assert.That(sent.Body, Is.Empty);
        AssertSignedAsSent(sent, string.Empty);
    }

    [Test]
    public async Task FullRefundSendsNoBodyAndPartialRefundSendsTheAmount()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"success\",\"info\":{\"refundTransactionId\":2018082512345678911,\"refundTransactionDate\":\"2018-08-25T09:15:01Z\"}}");
        var client = NewClient(server, LinePayApiVersion.V4);

        var full = await client.RefundPaymentAsync(TransactionId, null, "TWD");
        await client.RefundPaymentAsync(TransactionId, 50.00m, "TWD");

        var (fullSent, partialSent) = (server.Requests[0], server.Requests[1]);
        Assert.That(fullSent.Target, Is.EqualTo("/v4/payments/2023042201206549310/refund"));
        Assert.That(fullSent.Body, Is.Empty);
        AssertSignedAsSent(fullSent, string.Empty);
        Assert.That(partialSent.BodyText, Is.EqualTo("{\"refundAmount\":50}"));
        AssertSignedAsSent(partialSent, partialSent.BodyText);
        Assert.That(full.RefundTransactionId, Is.EqualTo(2018082512345678911));
        Assert.That(full.RefundTransactionDate, Is.EqualTo(new DateTimeOffset(2018, 8, 25, 9, 15, 1, TimeSpan.Zero)));
    }

    [Test]
    public async Task DetailsRepeatsQueryKeysAndSignsTheEncodedQueryWithoutQuestionMark()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"success\",\"info\":[{\"transactionId\":2023042201206549310,\"transactionDate\":\"2023-04-22T01:00:00Z\",\"transactionType\":\"PAYMENT\",\"payStatus\":\"CAPTURE\",\"currency\":\"TWD\",\"orderId\":\"ORDER 1/2\",\"payInfo\":[{\"method\":\"BALANCE\",\"amount\":100}]}]}");

        var details = await NewClient(server).GetPaymentDetailsAsync([TransactionId, TransactionId + 1], ["ORDER 1/2"]);

        var sent = server.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("GET"));
        Assert.That(sent.Path, Is.EqualTo("/v3/payments"));
        Assert.That(sent.Query, Is.EqualTo("transactionId=2023042201206549310&transactionId=2023042201206549311&orderId=ORDER%201%2F2"));
        AssertSignedAsSent(sent, sent.Query);
        Assert.That(details.Single().PayStatus, Is.EqualTo("CAPTURE"));
        Assert.That(details.Single().OrderId, Is.EqualTo("ORDER 1/2"));
    }

    [Test]
    public void DetailsNeedsAtLeastOneId()
    {
        var client = new LinePayClient(new HttpClient(), new LinePayClientOptions { ChannelId = ChannelId, ChannelSecret = Secret });

        Assert.ThrowsAsync<ArgumentException>(() => client.GetPaymentDetailsAsync([], []));
    }

    [TestCase("0000", "reserved transaction.", PaymentRequestStatus.Reserved)]
    [TestCase("0110", "authentication is done.", PaymentRequestStatus.Authenticated)]
    [TestCase("0121", "cancelled", PaymentRequestStatus.CancelledOrExpired)]
    [TestCase("0122", "failed", PaymentRequestStatus.Failed)]
    [TestCase("0123", "completed", PaymentRequestStatus.Completed)]
    public async Task CheckReturnsStatusCodesAsResults(string code, string message, PaymentRequestStatus expected)
    {
        await using var server = LoopbackServer.Answering($"{{\"returnCode\":\"{code}\",\"returnMessage\":\"{message}\"}}");

        var status = await NewClient(server).CheckPaymentStatusAsync(TransactionId);

        var sent = server.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("GET"));
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/requests/2023042201206549310/check"));
        AssertSignedAsSent(sent, string.Empty);
        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public async Task CheckRaisesOtherCodes()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"1106\",\"returnMessage\":\"Header information error.\"}");

        var error = Assert.ThrowsAsync<LinePayApiException>(() => NewClient(server).CheckPaymentStatusAsync(TransactionId));

        Assert.That(error.ReturnCode, Is.EqualTo("1106"));
        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.CallerError));
    }

    [Test]
    public async Task PayPreapprovedPostsToTheRegKeyAndReadsTheNewTransaction()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"OK\",\"info\":{\"transactionId\":2023042201206549399,\"transactionDate\":\"2018-12-31T09:00:31Z\",\"orderId\":\"SUB-1\",\"paymentProvider\":\"TSP\"}}");

        var info = await NewClient(server, LinePayApiVersion.V4).PayPreapprovedAsync("RK9A2BA1937EQTO",
            new PreapprovedPaymentRequest { ProductName = "Monthly box", Amount = 300.00m, Currency = "TWD", OrderId = "SUB-1" });

        var sent = server.Requests.Single();
        Assert.That(sent.Target, Is.EqualTo("/v4/payments/preapprovedPay/RK9A2BA1937EQTO/payment"));
        Assert.That(sent.BodyText, Is.EqualTo("{\"productName\":\"Monthly box\",\"amount\":300,\"currency\":\"TWD\",\"orderId\":\"SUB-1\"}"));
        AssertSignedAsSent(sent, sent.BodyText);
        Assert.That(info.TransactionId, Is.EqualTo(2023042201206549399));
        Assert.That(info.PaymentProvider, Is.EqualTo("TSP"));
    }

    [Test]
    public async Task CheckRegKeySignsItsQueryAndRaisesAnExpiredKey()
    {
        await using var server = new LoopbackServer(request => ServerReply.Json(request.Query == string.Empty
            ? "{\"returnCode\":\"0000\",\"returnMessage\":\"OK\"}"
            : "{\"returnCode\":\"1193\",\"returnMessage\":\"expired\"}"));
        var client = NewClient(server);

        await client.CheckRegKeyAsync("RK9A2BA1937EQTO");
        var error = Assert.ThrowsAsync<LinePayApiException>(() => client.CheckRegKeyAsync("RK9A2BA1937EQTO", creditCardAuth: true));

        Assert.That(server.Requests[0].Target, Is.EqualTo("/v3/payments/preapprovedPay/RK9A2BA1937EQTO/check"));
        AssertSignedAsSent(server.Requests[0], string.Empty);
        Assert.That(server.Requests[1].Target, Is.EqualTo("/v3/payments/preapprovedPay/RK9A2BA1937EQTO/check?creditCardAuth=true"));
        AssertSignedAsSent(server.Requests[1], "creditCardAuth=true");
        Assert.That(error.ReturnCode, Is.EqualTo("1193"));
        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.Final));
    }

    [Test]
    public async Task ExpireRegKeyPostsAnEmptyBody()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"0000\",\"returnMessage\":\"OK\"}");

        await NewClient(server).ExpireRegKeyAsync("RK9A2BA1937EQTO");

        var sent = server.Requests.Single();
        Assert.That(sent.Method, Is.EqualTo("POST"));
        Assert.That(sent.Target, Is.EqualTo("/v3/payments/preapprovedPay/RK9A2BA1937EQTO/expire"));
        Assert.That(sent.Body, Is.Empty);
        AssertSignedAsSent(sent, string.Empty);
    }

    [Test]
    public async Task V4SendsRegPayRequestAndReadsThePaymentProvider()
    {
        await using var server = new LoopbackServer(request => ServerReply.Json(request.Path.EndsWith("/request")
            ? "{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\",\"info\":{\"transactionId\":2023042201206549310,\"paymentAccessToken\":\"1\",\"paymentUrl\":{\"web\":\"w\",\"app\":\"a\"}}}"
            : "{\"returnCode\":\"0000\",\"returnMessage\":\"OK\",\"info\":{\"orderId\":\"ORDER-0001\",\"transactionId\":2023042201206549310,\"payInfo\":[{\"method\":\"BALANCE\",\"amount\":100}],\"regKey\":\"RK9A2BA1937EQTO\",\"paymentProvider\":\"TSP\"}}"));
        var client = NewClient(server, LinePayApiVersion.V4);
        var request = NewPaymentRequest();
        request.Options = new PaymentRequestOptions
        {
            Payment = new PaymentOptions { PayType = "PREAPPROVED" },
            RegPayRequest = new RegPayRequest { RegPayPeriodType = "RECURRING", RecurringPeriod = "MONTH", RecurringDay = 5 }
        };

        await client.RequestPaymentAsync(request);
        var confirmed = await client.ConfirmPaymentAsync(TransactionId, 100m, "TWD");

        Assert.That(server.Requests[0].Target, Is.EqualTo("/v4/payments/request"));
        Assert.That(server.Requests[0].BodyText, Does.EndWith(
            ",\"options\":{\"payment\":{\"payType\":\"PREAPPROVED\"},\"regPayRequest\":{\"regPayPeriodType\":\"RECURRING\",\"recurringPeriod\":\"MONTH\",\"recurringDay\":5}}}"));
        AssertSignedAsSent(server.Requests[0], server.Requests[0].BodyText);
        Assert.That(server.Requests[1].Target, Is.EqualTo("/v4/payments/2023042201206549310/confirm"));
        Assert.That(confirmed.PaymentProvider, Is.EqualTo("TSP"));
        Assert.That(confirmed.RegKey, Is.EqualTo("RK9A2BA1937EQTO"));
    }

    [Test]
    public async Task V3RefusesRegPayRequestBeforeSending()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"0000\"}");
        var request = NewPaymentRequest();
        request.Options = new PaymentRequestOptions { RegPayRequest = new RegPayRequest { RegPayPeriodType = "RECURRING" } };

        var error = Assert.ThrowsAsync<ArgumentException>(() => NewClient(server, LinePayApiVersion.V3).RequestPaymentAsync(request));

        Assert.That(error.Message, Does.Contain("regPayRequest"));
        Assert.That(server.Requests, Is.Empty);
    }

    [Test]
    public async Task LogsPathOrderTransactionCodeAndTimeButNeverTheSecretOrSignature()
    {
        await using var server = LoopbackServer.Answering(
            "{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\",\"info\":{\"transactionId\":2023042201206549310,\"paymentUrl\":{\"web\":\"w\"}}}");
        var logger = new ListLogger<LinePayClient>();

        await NewClient(server, logger: logger).RequestPaymentAsync(NewPaymentRequest());

        var signature = server.Requests.Single().Header("X-LINE-Authorization");
        var entries = logger.States.Select(s => s.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())).ToList();
        var call = entries.Single(e => e.ContainsKey("ReturnCode"));
        Assert.That(call["ApiPath"], Is.EqualTo("/v3/payments/request"));
        Assert.That(call["OrderId"], Is.EqualTo("ORDER-0001"));
        Assert.That(call["ReturnCode"], Is.EqualTo("0000"));
        Assert.That(long.Parse(call["ElapsedMs"]), Is.GreaterThanOrEqualTo(0));
        Assert.That(entries.Select(e => e.GetValueOrDefault("TransactionId")), Does.Contain("2023042201206549310"));
        Assert.That(logger.Messages, Has.None.Contains(Secret).And.None.Contains(signature));
    }

    [Test]
    public async Task ALookupThatFoundNothingIsAnEmptyAnswerLoggedAsSuchButTheSameCodeElsewhereIsAWarning()
    {
        const string notFound = "{\"returnCode\":\"1150\",\"returnMessage\":\"Transaction record not found.\"}";
        await using var server = LoopbackServer.Answering(notFound);
        var logger = new ListLogger<LinePayClient>();
        var client = NewClient(server, logger: logger);

        Assert.That(await client.GetPaymentDetailsAsync(orderIds: ["no-such-order"]), Is.Empty);
        Assert.ThrowsAsync<LinePayApiException>(() => client.ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        var levels = logger.Entries.Where(entry => entry.Message.Contains("1150")).Select(entry => entry.Level).ToList();
        Assert.That(levels, Is.EqualTo(new[] { Microsoft.Extensions.Logging.LogLevel.Information, Microsoft.Extensions.Logging.LogLevel.Warning }));
    }

    [Test]
    public void SetsTheHttpClientTimeoutToInfiniteSoEachCallUsesItsOwn()
    {
        var httpClient = new HttpClient();

        _ = new LinePayClient(httpClient, new LinePayClientOptions { ChannelId = ChannelId, ChannelSecret = Secret });

        Assert.That(httpClient.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    [Test]
    public void CreatesAHandlerWithTheConnectTimeout()
    {
        using var handler = LinePayClient.CreateHttpHandler(new LinePayTimeouts { Connect = TimeSpan.FromSeconds(3) });

        Assert.That(handler.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(LinePayClient.CreateHttpHandler().ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }
}
