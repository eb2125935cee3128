using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.LinePay.Infrastructure;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

/// <summary>
/// The HttpClient the store builds for LINE Pay (NopStartup): nopCommerce's WithProxy handler, which carries the
/// store's proxy settings, with redirects turned off
/// </summary>
[TestFixture]
public class NamedHttpClientTests
{
    private ServiceProvider _services;

    [SetUp]
    public void BuildTheStoresContainer()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        new NopStartup().ConfigureServices(services, null);
        _services = services.BuildServiceProvider();
    }

    [TearDown]
    public void DisposeTheContainer() => _services.Dispose();

    [Test]
    public void ThePrimaryHandlerIsTheOneWithProxyBuiltWithRedirectsTurnedOff()
    {
        using var handler = _services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(LinePayDefaults.HttpClientName);

        var primary = (HttpMessageHandler)handler;
        while (primary is DelegatingHandler delegating)
            primary = delegating.InnerHandler;

        Assert.That(primary, Is.TypeOf<HttpClientHandler>(), "nopCommerce's WithProxy handler is kept");
        Assert.That(((HttpClientHandler)primary).AllowAutoRedirect, Is.False);
    }

    [Test]
    public async Task ACallThroughItIsNotRedirected()
    {
        await using var elsewhere = LoopbackServer.Answering("{\"returnCode\":\"0000\",\"returnMessage\":\"Success.\"}");
        await using var server = new LoopbackServer(_ => ServerReply.Redirect(307, new Uri(elsewhere.BaseAddress, "/v3/payments/authorizations/1/void")));
        var httpClient = _services.GetRequiredService<IHttpClientFactory>().CreateClient(LinePayDefaults.HttpClientName);

        Assert.ThrowsAsync<LinePayTransportException>(() => LinePayClientRedirectTests.NewClient(httpClient, server).VoidPaymentAsync(1));

        Assert.That(elsewhere.Requests, Is.Empty);
    }
}
