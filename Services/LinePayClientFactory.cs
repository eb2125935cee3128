using Microsoft.Extensions.Logging;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Creates LINE Pay API clients for a store's settings, over the plugin's named HttpClient (registered with the store's
/// proxy settings in NopStartup)
/// </summary>
public class LinePayClientFactory
{
    protected readonly IHttpClientFactory _httpClientFactory;
    protected readonly ILoggerFactory _loggerFactory;
    protected readonly ISettingService _settingService;
    protected readonly LinePayChannelSecretService _channelSecretService;

    public LinePayClientFactory(IHttpClientFactory httpClientFactory,
        ILoggerFactory loggerFactory,
        ISettingService settingService,
        LinePayChannelSecretService channelSecretService)
    {
        _httpClientFactory = httpClientFactory;
        _loggerFactory = loggerFactory;
        _settingService = settingService;
        _channelSecretService = channelSecretService;
    }

    /// <summary>
    /// Creates a client for the LINE Pay settings of the store
    /// </summary>
    /// <param name="storeId">Store identifier; the store's own settings where it overrides them, the shared ones otherwise</param>
    /// <exception cref="ArgumentException">The channel ID or secret is missing, the stored secret cannot be decrypted, or the base address is not one the client accepts</exception>
    public virtual async Task<LinePayClient> CreateClientAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeId);

        return CreateClient(settings);
    }

    /// <summary>
    /// Creates a client for the settings (channel, sandbox or production, API version, optional base address)
    /// </summary>
    /// <exception cref="ArgumentException">The channel ID or secret is missing, the stored secret cannot be decrypted, or the base address is not one the client accepts</exception>
    public virtual LinePayClient CreateClient(LinePayPaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        return new LinePayClient(_httpClientFactory.CreateClient(LinePayDefaults.HttpClientName), CreateOptions(settings),
            _loggerFactory.CreateLogger<LinePayClient>());
    }

    /// <summary>
    /// Maps the settings to client options, with the stored secret decrypted
    /// </summary>
    /// <exception cref="ArgumentException">The stored secret cannot be decrypted, or the base address is not one the client accepts</exception>
    public virtual LinePayClientOptions CreateOptions(LinePayPaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        return new LinePayClientOptions
        {
            ChannelId = settings.ChannelId?.Trim(),
            ChannelSecret = _channelSecretService.Decrypt(settings.ChannelSecret),
            UseSandbox = settings.UseSandbox,
            ApiVersion = settings.ApiVersion,
            BaseAddress = ParseBaseAddress(settings.ApiBaseAddress),
            Timeouts = CreateTimeouts()
        };
    }

    /// <summary>
    /// Gets the timeouts of the calls; LINE Pay's recommended ones
    /// </summary>
    protected virtual LinePayTimeouts CreateTimeouts() => new();

    //blank for LINE Pay's own host; otherwise what the configuration form accepts, the same rules the client applies
    private static Uri ParseBaseAddress(string address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;

        var problem = LinePayBaseAddress.Parse(address, out var uri);
        if (problem != LinePayBaseAddressProblem.None)
            throw new ArgumentException(LinePayBaseAddress.Describe(problem), nameof(address));

        return uri;
    }
}
