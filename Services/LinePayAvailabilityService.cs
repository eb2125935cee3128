using Nop.Core;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Decides whether customers of the current store may choose LINE Pay at checkout
/// </summary>
public class LinePayAvailabilityService
{
    protected readonly ICurrencyService _currencyService;
    protected readonly IStoreContext _storeContext;
    protected readonly LinePayChannelSecretService _channelSecretService;
    protected readonly LinePayPaymentSettings _settings;

    public LinePayAvailabilityService(ICurrencyService currencyService,
        IStoreContext storeContext,
        LinePayChannelSecretService channelSecretService,
        LinePayPaymentSettings settings)
    {
        _currencyService = currencyService;
        _storeContext = storeContext;
        _channelSecretService = channelSecretService;
        _settings = settings;
    }

    /// <summary>
    /// Gets a value indicating whether the current store can take a LINE Pay payment: its settings hold a channel ID and
    /// a secret the store's encryption key decrypts, and the configured LINE Pay currency is one of the store's
    /// currencies, so that the order total can be converted into it
    /// </summary>
    public virtual async Task<bool> IsAvailableAsync()
    {
        if (string.IsNullOrWhiteSpace(_settings.ChannelId) || string.IsNullOrEmpty(_settings.ChannelSecret)
            || !_channelSecretService.CanDecrypt(_settings.ChannelSecret))
            return false;

        if (!LinePayCurrencyScale.SupportedCurrencies.Contains(_settings.CurrencyCode, StringComparer.OrdinalIgnoreCase))
            return false;

        var store = await _storeContext.GetCurrentStoreAsync();

        //unpublished currencies count: customers need not see a currency for the total to be converted into it
        var currencies = await _currencyService.GetAllCurrenciesAsync(showHidden: true, storeId: store.Id);

        return currencies.Any(currency => currency.Rate > 0
            && string.Equals(currency.CurrencyCode, _settings.CurrencyCode, StringComparison.OrdinalIgnoreCase));
    }
}
