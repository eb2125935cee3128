using LinePay.Emulator.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Configuration;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Logging;

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
        var factory = new TestLinePayClientFactory(new Mock<IHttpClientFactory>().Object, new Mock<ISettingService>().Object, ChannelSecrets());

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

    [TestCase("ftp://example.com/", "absolute http or https")]
    [TestCase("not an address", "absolute http or https")]
    [TestCase("http://localhost:5080/?x=1", "absolute http or https")]
    [TestCase("http://192.168.1.20:5080/", "must use https")]
    public void ABaseAddressTheFormWouldRefuseIsRefused(string address, string explanation)
    {
        var factory = new TestLinePayClientFactory(new Mock<IHttpClientFactory>().Object, new Mock<ISettingService>().Object, ChannelSecrets());

        var error = Assert.Throws<ArgumentException>(() => factory.CreateOptions(Settings(baseAddress: address)));

        Assert.That(error.Message, Does.Contain(explanation));
    }

    [Test]
    public void APathInTheBaseAddressIsKept()
    {
        var factory = new TestLinePayClientFactory(new Mock<IHttpClientFactory>().Object, new Mock<ISettingService>().Object, ChannelSecrets());

        var options = factory.CreateOptions(Settings(baseAddress: " http://127.0.0.1:5080/linepay/ "));

        Assert.That(options.EffectiveBaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5080/linepay/")));
    }

    [Test]
    public async Task TheClientUsesThePluginsNamedHttpClientAndTheStoresSettings()
    {
        var httpClients = new Mock<IHttpClientFactory>();
        httpClients.Setup(f => f.CreateClient(LinePayDefaults.HttpClientName)).Returns(() => new HttpClient());
        var factory = new LinePayClientFactory(httpClients.Object, NullLoggerFactory.Instance, new Mock<ISettingService>().Object, ChannelSecrets());
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

    [Test]
    public async Task AStoreGetsAClientForItsOwnSettings()
    {
        const int overridingStoreId = 2;
        var settings = new SettingStore();
        //the shared settings name a channel the emulator does not know, on API v3
        settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), "9876543210");
        settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), Emulator.ChannelSecret);
        settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V3);
        settings.Set(0, nameof(LinePayPaymentSettings.ApiBaseAddress), Emulator.BaseAddress.ToString());
        settings.Set(overridingStoreId, nameof(LinePayPaymentSettings.ChannelId), Emulator.ChannelId);
        settings.Set(overridingStoreId, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V4);
        var factory = new TestLinePayClientFactory(EmulatorHttpClients(), settings.Service.Object, ChannelSecrets());
        var transactionId = await ApprovedPaymentAsync();

        var status = await (await factory.CreateClientAsync(overridingStoreId)).CheckPaymentStatusAsync(transactionId);

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.Authenticated));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check).Single().ApiVersion, Is.EqualTo(4));
    }

    [Test]
    public async Task AStoreWithoutOverridesGetsAClientForTheSharedSettings()
    {
        var settings = new SettingStore();
        settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), "9876543210");
        settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), Emulator.ChannelSecret);
        settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V3);
        settings.Set(0, nameof(LinePayPaymentSettings.ApiBaseAddress), Emulator.BaseAddress.ToString());
        settings.Set(2, nameof(LinePayPaymentSettings.ChannelId), Emulator.ChannelId);
        var factory = new TestLinePayClientFactory(EmulatorHttpClients(), settings.Service.Object, ChannelSecrets());
        var transactionId = await ApprovedPaymentAsync();
        var client = await factory.CreateClientAsync(3);

        var exception = Assert.ThrowsAsync<LinePayApiException>(() => client.CheckPaymentStatusAsync(transactionId));

        Assert.That(exception.ReturnCode, Is.EqualTo("1106"), "the emulator refused the shared channel");
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check).Single().ApiVersion, Is.EqualTo(3));
    }

    [Test]
    public void AStoreWithoutAChannelSecretGetsNoClient()
    {
        var settings = new SettingStore();
        settings.Set(2, nameof(LinePayPaymentSettings.ChannelId), Emulator.ChannelId);
        var factory = new TestLinePayClientFactory(EmulatorHttpClients(), settings.Service.Object, ChannelSecrets());

        var exception = Assert.ThrowsAsync<ArgumentException>(() => factory.CreateClientAsync(2));

        Assert.That(exception.Message, Does.StartWith("The LINE Pay channel secret is required."));
    }

    private static LinePayChannelSecretService ChannelSecrets() =>
        new(new TestEncryption().Service.Object, new Mock<ILogger>().Object, new Mock<ISettingService>().Object);

    private static IHttpClientFactory EmulatorHttpClients()
    {
        var httpClients = new Mock<IHttpClientFactory>();
        httpClients.Setup(f => f.CreateClient(LinePayDefaults.HttpClientName)).Returns(() => new HttpClient());
        return httpClients.Object;
    }
}
