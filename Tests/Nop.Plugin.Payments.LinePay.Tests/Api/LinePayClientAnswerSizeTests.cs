using System.Net;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// LINE Pay's answer is read up to <see cref="LinePayClientOptions.MaxResponseSize"/> bytes; a longer one is no answer
/// </summary>
[TestFixture]
public class LinePayClientAnswerSizeTests
{
    private const long TransactionId = 2023042201206549310;

    //a Payment Details answer of exactly the given length in bytes, padded with spaces JSON allows after the value
    private static string DetailsAnswerOfLength(int length)
    {
        var answer = $"{{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\",\"info\":[{{\"transactionId\":{TransactionId},\"payStatus\":\"CAPTURE\",\"currency\":\"TWD\",\"payInfo\":[{{\"method\":\"BALANCE\",\"amount\":100}}]}}]}}";
        return answer + new string(' ', length - answer.Length);
    }

    private static LinePayClient NewClient(LoopbackServer server, int? maxResponseSize = null, ListLogger<LinePayClient> logger = null)
    {
        var options = new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = server.BaseAddress
        };
        if (maxResponseSize is { } size)
            options.MaxResponseSize = size;

        return new LinePayClient(new HttpClient(LinePayClient.CreateHttpHandler()), options, logger);
    }

    [Test]
    public void TheDefaultLimitIsOneMebibyte()
    {
        Assert.That(new LinePayClientOptions().MaxResponseSize, Is.EqualTo(1024 * 1024));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AnAnswerOfExactlyTheLimitIsRead(bool declaresLength)
    {
        var body = DetailsAnswerOfLength(LinePayClientOptions.DefaultMaxResponseSize);
        await using var server = new LoopbackServer(_ => ServerReply.Json(body) with { DeclaresLength = declaresLength });

        var details = await NewClient(server).GetPaymentDetailsAsync(TransactionId);

        Assert.That(details.PayStatus, Is.EqualTo("CAPTURE"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AnAnswerOneByteLongerIsNoAnswerAndIsNotParsed(bool declaresLength)
    {
        var body = DetailsAnswerOfLength(LinePayClientOptions.DefaultMaxResponseSize + 1);
        await using var server = new LoopbackServer(_ => ServerReply.Json(body) with { DeclaresLength = declaresLength });
        var logger = new ListLogger<LinePayClient>();

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => NewClient(server, logger: logger).GetPaymentDetailsAsync(TransactionId));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(error.IsOutcomeUnknown, Is.True);
        Assert.That(error.Message, Does.Contain("more than 1048576 bytes"));
        Assert.That(error.InnerException, Is.Null, "nothing was parsed");
        Assert.That(logger.Messages.Single(), Does.Contain("answer longer than 1048576 bytes"));
    }

    [Test]
    public async Task AMuchLongerAnswerIsNotReadToItsEnd()
    {
        //ten times the limit, without Content-Length: only the end of the connection would tell where it ends
        var body = DetailsAnswerOfLength(10 * 4096);
        await using var server = new LoopbackServer(_ => ServerReply.Json(body) with { DeclaresLength = false });

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => NewClient(server, maxResponseSize: 4096).ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(error.Message, Does.Contain("more than 4096 bytes"));
    }

    [Test]
    public async Task AnHttpErrorIsReportedWhateverItsBodysLength()
    {
        await using var server = new LoopbackServer(_ => ServerReply.Status(502, new string('x', 8192)));

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => NewClient(server, maxResponseSize: 1024).VoidPaymentAsync(TransactionId));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(error.Message, Does.Contain("HTTP 502"));
    }
}
