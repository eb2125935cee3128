using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

[TestFixture]
public class LinePayAvailabilityServiceTests
{
    private const int StoreId = 2;

    private Mock<ICurrencyService> _currencyService;
    private List<Currency> _storeCurrencies;
    private TestEncryption _encryption;
    private LinePayChannelSecretService _channelSecrets;

    [SetUp]
    public void SetUpStore()
    {
        _storeCurrencies = new List<Currency>
        {
            new() { Id = 1, CurrencyCode = "USD", Rate = 1m },
            new() { Id = 2, CurrencyCode = "TWD", Rate = 32.1m }
        };
        _currencyService = new Mock<ICurrencyService>();
        _currencyService.Setup(c => c.GetAllCurrenciesAsync(true, StoreId)).ReturnsAsync(() => _storeCurrencies);
        _encryption = new TestEncryption();
        _channelSecrets = new LinePayChannelSecretService(_encryption.Service.Object, new Mock<ILogger>().Object, new Mock<ISettingService>().Object);
    }

    private Task<bool> IsAvailableAsync(LinePayPaymentSettings settings)
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(c => c.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = StoreId });
        return new LinePayAvailabilityService(_currencyService.Object, storeContext.Object, _channelSecrets, settings).IsAvailableAsync();
    }

    private LinePayPaymentSettings Complete(string currencyCode = "TWD") => new()
    {
        ChannelId = "1234567890",
        ChannelSecret = _channelSecrets.Encrypt("secret"),
        CurrencyCode = currencyCode
    };

    [Test]
    public async Task AvailableWhenCredentialsAreSetAndTheCurrencyIsAStoreCurrency()
    {
        Assert.That(await IsAvailableAsync(Complete()), Is.True);
    }

    [Test]
    public async Task CurrencyCodesMatchWhateverTheirCase()
    {
        _storeCurrencies[1].CurrencyCode = "twd";

        Assert.That(await IsAvailableAsync(Complete()), Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public async Task HiddenWithoutAChannelId(string channelId)
    {
        var settings = Complete();
        settings.ChannelId = channelId;

        Assert.That(await IsAvailableAsync(settings), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    public async Task HiddenWithoutAChannelSecret(string secret)
    {
        var settings = Complete();
        settings.ChannelSecret = secret;

        Assert.That(await IsAvailableAsync(settings), Is.False);
    }

    [Test]
    public async Task HiddenWhenTheStoredSecretCannotBeDecryptedWithTheStoresKey()
    {
        var settings = Complete();
        _encryption.Key = "2718281828459045";

        Assert.That(await IsAvailableAsync(settings), Is.False);
    }

    [Test]
    public async Task AvailableWithASecretStoredAsPlainTextByAnEarlierVersion()
    {
        var settings = Complete();
        settings.ChannelSecret = "0123456789abcdef0123456789abcdef";

        Assert.That(await IsAvailableAsync(settings), Is.True);
    }

    [Test]
    public async Task HiddenWhenTheLinePayCurrencyIsNotACurrencyOfTheStore()
    {
        Assert.That(await IsAvailableAsync(Complete("THB")), Is.False);
    }

    [Test]
    public async Task HiddenWhenTheStoreCurrencyHasNoExchangeRate()
    {
        _storeCurrencies[1].Rate = 0m;

        Assert.That(await IsAvailableAsync(Complete()), Is.False);
    }

    [Test]
    public async Task HiddenWhenTheConfiguredCurrencyIsNotOneLinePayTakes()
    {
        _storeCurrencies.Add(new Currency { Id = 3, CurrencyCode = "EUR", Rate = 0.9m });

        Assert.That(await IsAvailableAsync(Complete("EUR")), Is.False);
    }
}
