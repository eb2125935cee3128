using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayClientOptionsTests
{
    [Test]
    public void ToStringNeverShowsTheSecret()
    {
        var options = new LinePayClientOptions { ChannelId = "1479113123", ChannelSecret = LinePayClientTests.Secret };

        Assert.That(options.ToString(), Does.Contain("1479113123").And.Not.Contain(LinePayClientTests.Secret));
    }

    [Test]
    public void DefaultsToV3AndProduction()
    {
        var options = new LinePayClientOptions();

        Assert.That(options.ApiVersion, Is.EqualTo(LinePayApiVersion.V3));
        Assert.That(options.EffectiveBaseAddress, Is.EqualTo(new Uri("https://api-pay.line.me")));
    }

    [Test]
    public void UsesTheSandboxOrTheOverride()
    {
        var emulator = new Uri("http://127.0.0.1:5080");

        Assert.That(new LinePayClientOptions { UseSandbox = true }.EffectiveBaseAddress, Is.EqualTo(new Uri("https://sandbox-api-pay.line.me")));
        Assert.That(new LinePayClientOptions { UseSandbox = true, BaseAddress = emulator }.EffectiveBaseAddress, Is.EqualTo(emulator));
    }

    [TestCase(null, "secret")]
    [TestCase("1479113123", "")]
    public void TheClientRequiresChannelIdAndSecret(string channelId, string secret)
    {
        var options = new LinePayClientOptions { ChannelId = channelId, ChannelSecret = secret };

        Assert.Throws<ArgumentException>(() => _ = new LinePayClient(new HttpClient(), options));
    }
}
