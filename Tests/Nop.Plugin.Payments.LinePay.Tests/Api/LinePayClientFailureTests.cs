using System.Net;
using System.Net.Sockets;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayClientFailureTests
{
    private const long TransactionId = 2023042201206549310;

    [Test]
    public async Task ABusinessCodeRaisesLinePayApiExceptionWithCodeMessagePathAndClass()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"1172\",\"returnMessage\":\"Existing same orderId.\"}");

        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            LinePayClientTests.NewClient(server).ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        var signature = server.Requests.Single().Header("X-LINE-Authorization");
        Assert.That(error.ReturnCode, Is.EqualTo("1172"));
        Assert.That(error.ReturnMessage, Is.EqualTo("Existing same orderId."));
        Assert.That(error.ApiPath, Is.EqualTo("/v3/payments/2023042201206549310/confirm"));
        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.Ambiguous));
        Assert.That(error.Message, Does.Contain("1172").And.Not.Contain(LinePayClientTests.Secret).And.Not.Contain(signature));
    }

    [Test]
    public async Task TheLegacyErrorEnvelopeRaisesLinePayApiExceptionToo()
    {
        await using var server = LoopbackServer.Answering("{\"resultCode\":1104,\"statusMessage\":\"Merchant not found.\"}");

        var error = Assert.ThrowsAsync<LinePayApiException>(() => LinePayClientTests.NewClient(server).VoidPaymentAsync(TransactionId));

        Assert.That(error.ReturnCode, Is.EqualTo("1104"));
        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.CallerError));
    }

    [Test]
    public async Task ANonSuccessCodeOnACallWithoutInfoIsStillAnError()
    {
        await using var server = LoopbackServer.Answering("{\"returnCode\":\"1165\",\"returnMessage\":\"already voided\"}");

        var error = Assert.ThrowsAsync<LinePayApiException>(() => LinePayClientTests.NewClient(server).VoidPaymentAsync(TransactionId));

        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.Final));
    }

    [Test]
    public async Task NoAnswerWithinTheEndpointsTimeoutRaisesLinePayTimeoutException()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Hang());
        var timeouts = new LinePayTimeouts { Confirm = TimeSpan.FromMilliseconds(300) };

        var error = Assert.ThrowsAsync<LinePayTimeoutException>(() =>
            LinePayClientTests.NewClient(server, timeouts: timeouts).ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(error.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
        Assert.That(error.ApiPath, Is.EqualTo("/v3/payments/2023042201206549310/confirm"));
        Assert.That(server.Requests, Has.Count.EqualTo(1), "sent once, never retried");
    }

    [Test]
    public async Task EachEndpointUsesItsOwnTimeout()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Hang());
        var timeouts = new LinePayTimeouts { Refund = TimeSpan.FromMilliseconds(200), Capture = TimeSpan.FromMilliseconds(400) };
        var client = LinePayClientTests.NewClient(server, timeouts: timeouts);

        var refund = Assert.ThrowsAsync<LinePayTimeoutException>(() => client.RefundPaymentAsync(TransactionId, null, "TWD"));
        var capture = Assert.ThrowsAsync<LinePayTimeoutException>(() => client.CapturePaymentAsync(TransactionId, 1m, "TWD"));

        Assert.That(refund.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(capture.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(400)));
    }

    [Test]
    public void DefaultTimeoutsAreLinePaysRecommendations()
    {
        var timeouts = new LinePayTimeouts();

        Assert.That(timeouts.Connect, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(timeouts.Request, Is.EqualTo(TimeSpan.FromSeconds(20)));
        Assert.That(timeouts.Confirm, Is.EqualTo(TimeSpan.FromSeconds(40)));
        Assert.That(timeouts.Capture, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(new[] { timeouts.Void, timeouts.Refund, timeouts.PaymentDetails, timeouts.CheckPaymentStatus, timeouts.PayPreapproved, timeouts.CheckRegKey, timeouts.ExpireRegKey },
            Is.All.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task TheCallersCancellationStaysAnOperationCanceledException()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Hang());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = Assert.CatchAsync(() =>
            LinePayClientTests.NewClient(server).ConfirmPaymentAsync(TransactionId, 100m, "TWD", cancellation.Token));

        Assert.That(error, Is.InstanceOf<OperationCanceledException>());
        Assert.That(((OperationCanceledException)error).CancellationToken, Is.EqualTo(cancellation.Token));
    }

    [Test]
    public async Task AnHttp500RaisesLinePayTransportExceptionWithTheStatus()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Status(500, "<html>Internal Server Error</html>"));

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            LinePayClientTests.NewClient(server).CapturePaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ApiPath, Is.EqualTo("/v3/payments/authorizations/2023042201206549310/capture"));
    }

    [TestCase("<html>Bad Gateway</html>")]
    [TestCase("")]
    [TestCase("{\"unexpected\":true}")]
    [TestCase("{\"returnCode\":\"0000\",\"returnMessage\":\"OK\"}")]
    public async Task A200WithoutLinePaysJsonRaisesLinePayTransportException(string body)
    {
        await using var server = LoopbackServer.Answering(body);

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            LinePayClientTests.NewClient(server).ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AConnectionClosedWithoutAnswerRaisesLinePayTransportException()
    {
        await using var server = new LoopbackServer(_ => ServerReply.CloseConnection());

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            LinePayClientTests.NewClient(server).RefundPaymentAsync(TransactionId, 10m, "TWD"));

        Assert.That(error.StatusCode, Is.Null);
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(server.Requests, Has.Count.EqualTo(1), "sent once, never retried");
    }

    [Test]
    public void AClosedPortRaisesLinePayTransportException()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = new LinePayClient(new HttpClient(LinePayClient.CreateHttpHandler()), new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = new Uri($"http://127.0.0.1:{port}")
        });

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => client.CheckPaymentStatusAsync(TransactionId));

        Assert.That(error.Message, Does.Not.Contain(LinePayClientTests.Secret));
    }

    [Test]
    public async Task FailuresAreLoggedWithoutTheSecret()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Status(502, "bad gateway"));
        var logger = new ListLogger<LinePayClient>();

        Assert.ThrowsAsync<LinePayTransportException>(() =>
            LinePayClientTests.NewClient(server, logger: logger).GetPaymentDetailsAsync(orderIds: ["ORDER-0001"]));

        var entry = logger.States.Single().ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
        Assert.That(entry["ApiPath"], Is.EqualTo("/v3/payments"));
        Assert.That(entry["OrderId"], Is.EqualTo("ORDER-0001"));
        Assert.That(entry["Failure"], Is.EqualTo("HTTP 502"));
        Assert.That(logger.Messages, Has.None.Contains(LinePayClientTests.Secret));
    }
}
