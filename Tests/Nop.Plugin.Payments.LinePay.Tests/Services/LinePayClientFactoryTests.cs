using LinePay.Emulator.Api;
using Moq;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

[TestFixture]
public class LinePayClientFactoryTests : EmulatorTest
{
    private static LinePayPaymentSettings Settings(bool sandbox = true, string baseAddress = null) => new()
    {
        ChannelId = " 1234567890 ",
        ChannelSecret = "secret",
        UseSandbox = sandbox,
        ApiVersion = LinePayApiVersion.V4,
        ApiBaseAddress = baseAddress
    };

    [Test]
    public void SettingsMapToTheClientOptions()
    {
        var factory = new TestLinePayClientFactory(new Mock<IHttpClientFactory>().Object);

        var sandbox = factory.CreateOptions(Settings());
        var production = factory.CreateOptions(Settings(sandbox: false));
        var emulator = factory.CreateOptions(Settings(baseAddress: "http://127.0.0.1:5080/"));

        Assert.Multiple(() =>
        {
            Assert.That(sandbox.ChannelId, Is.EqualTo("1234567890"));
            Assert.That(sandbox.ApiVersion, Is.EqualTo(LinePayApiVersion.V4));
            Assert.That(sandbox.EffectiveBaseAddress, Is.EqualTo(LinePayClientOptions.SandboxAddress));
            Assert.That(production.EffectiveBaseAddress, Is.EqualTo(LinePayClientOptions.ProductionAddress));
            Assert.That(emulator.EffectiveBaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5080/")));
        });
    }

    [TestCase("ftp://example.com/")]
    [TestCase("not an address")]
    public void AnInvalidBaseAddressIsRefused(string address)
    {
        var factory = new TestLinePayClientFactory(new Mock<IHttpClientFactory>().Object);

        Assert.Throws<ArgumentException>(() => factory.CreateOptions(Settings(baseAddress: address)));
    }

    [Test]
    public async Task TheClientUsesThePluginsNamedHttpClientAndTheStoresSettings()
    {
        var httpClients = new Mock<IHttpClientFactory>();
        httpClients.Setup(f => f.CreateClient(LinePayDefaults.HttpClientName)).Returns(() => new HttpClient());
        var factory = new LinePayClientFactory(httpClients.Object, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var settings = new LinePayPaymentSettings
        {
            ChannelId = Emulator.ChannelId,
            ChannelSecret = Emulator.ChannelSecret,
            ApiVersion = LinePayApiVersion.V4,
            ApiBaseAddress = Emulator.BaseAddress.ToString()
        };

        var status = await factory.CreateClient(settings).CheckPaymentStatusAsync(await ApprovedPaymentAsync());

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.Authenticated));
        httpClients.Verify(f => f.CreateClient(LinePayDefaults.HttpClientName), Times.Once);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check).Single().ApiVersion, Is.EqualTo(4));
    }
}
