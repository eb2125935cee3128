using Moq;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Validators;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

[TestFixture]
public class ConfigurationValidatorTests
{
    private ConfigurationValidator _validator;

    [SetUp]
    public void CreateValidator()
    {
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => $"[{key}]");
        _validator = new ConfigurationValidator(localization.Object);
    }

    private static ConfigurationModel Valid() => new()
    {
        ChannelId = "1234567890",
        ApiVersionId = 3,
        CurrencyCode = "TWD",
        PaymentModeId = 0
    };

    private IEnumerable<(string Property, string Message)> Errors(ConfigurationModel model) =>
        _validator.Validate(model).Errors.Select(e => (e.PropertyName, e.ErrorMessage));

    [Test]
    public void AcceptsACompleteConfiguration()
    {
        Assert.That(Errors(Valid() with { AdditionalFee = 0, ApiBaseAddress = "https://sandbox-api-pay.line.me" }), Is.Empty);
    }

    [Test]
    public void RequiresTheChannelId()
    {
        Assert.That(Errors(Valid() with { ChannelId = "" }),
            Is.EqualTo(new[] { ("ChannelId", "[Plugins.Payments.LinePay.Fields.ChannelId.Required]") }));
    }

    [TestCase("12345abc")]
    [TestCase("1234 5678")]
    [TestCase("-123")]
    public void RejectsAChannelIdThatIsNotAllDigits(string channelId)
    {
        Assert.That(Errors(Valid() with { ChannelId = channelId }),
            Is.EqualTo(new[] { ("ChannelId", "[Plugins.Payments.LinePay.Fields.ChannelId.Digits]") }));
    }

    [Test]
    public void RejectsANegativeAdditionalFee()
    {
        Assert.That(Errors(Valid() with { AdditionalFee = -0.01m }),
            Is.EqualTo(new[] { ("AdditionalFee", "[Plugins.Payments.LinePay.Fields.AdditionalFee.Negative]") }));
    }

    [TestCase("localhost:5080")]
    [TestCase("/relative/path")]
    [TestCase("ftp://example.com/")]
    [TestCase("http://localhost:5080/?x=1")]
    [TestCase("https://example.com/#fragment")]
    [TestCase("https://user:password@example.com/")]
    public void RejectsABaseAddressThatIsNotAnAbsoluteHttpAddress(string address)
    {
        Assert.That(Errors(Valid() with { ApiBaseAddress = address }),
            Is.EqualTo(new[] { ("ApiBaseAddress", "[Plugins.Payments.LinePay.Fields.ApiBaseAddress.Invalid]") }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("http://127.0.0.1:5080/")]
    [TestCase("http://localhost:5080/linepay/")]
    [TestCase("http://[::1]:5080/")]
    [TestCase("https://linepay-emulator.example.com/linepay/")]
    public void AcceptsABlankHttpsOrLoopbackHttpBaseAddressWithOrWithoutAPath(string address)
    {
        Assert.That(Errors(Valid() with { ApiBaseAddress = address }), Is.Empty);
    }

    [TestCase("http://api-pay.line.me/")]
    [TestCase("http://192.168.1.20:5080/")]
    [TestCase("http://localhost.example.com/")]
    public void RequiresHttpsForAnyHostButThisComputer(string address)
    {
        Assert.That(Errors(Valid() with { ApiBaseAddress = address }),
            Is.EqualTo(new[] { ("ApiBaseAddress", "[Plugins.Payments.LinePay.Fields.ApiBaseAddress.HttpsRequired]") }));
    }

    [Test]
    public void RejectsValuesThatAreNotInTheLists()
    {
        var errors = Errors(Valid() with { CurrencyCode = "JPY", ApiVersionId = 2, PaymentModeId = 7 }).ToList();

        Assert.That(errors.Select(e => e.Property), Is.EquivalentTo(new[] { "CurrencyCode", "ApiVersionId", "PaymentModeId" }));
        Assert.That(errors.Select(e => e.Message), Is.All.EqualTo("[Plugins.Payments.LinePay.Fields.ChooseFromList]"));
    }
}
