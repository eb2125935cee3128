using System.Net;
using Microsoft.Extensions.Logging;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// A redirect is not LINE Pay's answer: the call is not sent anywhere else, and the caller sees no answer (outcome unknown)
/// </summary>
[TestFixture]
public class LinePayClientRedirectTests
{
    private const long TransactionId = 2023042201206549310;
    private const string ConfirmAnswer = "{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\",\"info\":{\"transactionId\":2023042201206549310,\"orderId\":\"ORDER-0001\",\"payInfo\":[{\"method\":\"BALANCE\",\"amount\":100}]}}";

    internal static LinePayClient NewClient(HttpClient httpClient, LoopbackServer server) =>
        new(httpClient, new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = server.BaseAddress
        });

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task ARedirectIsNotFollowedAndIsNoAnswer(int statusCode)
    {
        await using var elsewhere = LoopbackServer.Answering(ConfirmAnswer);
        await using var server = new LoopbackServer(_ => ServerReply.Redirect(statusCode, new Uri(elsewhere.BaseAddress, "/v3/payments/2023042201206549310/confirm")));

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            NewClient(new HttpClient(LinePayClient.CreateHttpHandler()), server).ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(error.StatusCode, Is.EqualTo((HttpStatusCode)statusCode));
        Assert.That(error.IsOutcomeUnknown, Is.True);
        Assert.That(server.Requests, Has.Count.EqualTo(1));
        Assert.That(elsewhere.Requests, Is.Empty, "nothing was sent to the redirect's address");
    }

    [Test]
    public async Task AnAnswerReachedThroughARedirectFollowedByTheHandlerIsNoAnswerEither()
    {
        await using var elsewhere = LoopbackServer.Answering(ConfirmAnswer);
        await using var server = new LoopbackServer(_ => ServerReply.Redirect(307, new Uri(elsewhere.BaseAddress, "/v3/payments/2023042201206549310/confirm")));
        var logger = new ListLogger<LinePayClient>();
        //a handler built elsewhere, with .NET's default of following redirects
        var client = new LinePayClient(new HttpClient(), new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = server.BaseAddress
        }, logger);

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => client.ConfirmPaymentAsync(TransactionId, 100m, "TWD"));

        Assert.That(elsewhere.Requests, Has.Count.EqualTo(1), "this handler did follow");
        Assert.That(error.Message, Does.Contain("redirected"));
        Assert.That(error.IsOutcomeUnknown, Is.True);
        Assert.That(logger.Entries.Single().Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.Messages.Single(), Does.Contain("redirected").And.Not.Contain(LinePayClientTests.Secret));
    }

    [Test]
    public void RedirectsAreTurnedOffOnTheHandlersHttpClientsAreBuiltWith()
    {
        var httpClientHandler = new HttpClientHandler();
        var socketsHttpHandler = new SocketsHttpHandler();

        LinePayClient.RefuseRedirects(httpClientHandler);
        LinePayClient.RefuseRedirects(socketsHttpHandler);

        Assert.That(httpClientHandler.AllowAutoRedirect, Is.False);
        Assert.That(socketsHttpHandler.AllowAutoRedirect, Is.False);
        Assert.That(LinePayClient.CreateHttpHandler().AllowAutoRedirect, Is.False);
    }

    [Test]
    public void AHandlerWhoseRedirectsCannotBeTurnedOffIsRefused()
    {
        using var handler = new PassThroughHandler();

        Assert.Throws<InvalidOperationException>(() => LinePayClient.RefuseRedirects(handler));
    }

    private sealed class PassThroughHandler() : DelegatingHandler(new SocketsHttpHandler());
}
