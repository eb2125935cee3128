using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Tells for each store where its LINE Pay payments go (live, sandbox or a test API), so that a shop that goes live
/// with the sandbox still on sees it before it ships orders nobody paid for
/// </summary>
public class LinePayEnvironmentService
{
    protected readonly ISettingService _settingService;
    protected readonly IStoreService _storeService;

    public LinePayEnvironmentService(ISettingService settingService, IStoreService storeService)
    {
        _settingService = settingService;
        _storeService = storeService;
    }

    /// <summary>
    /// Gets where each store's payments go, with its effective settings (its overrides over the all-stores values)
    /// </summary>
    public virtual async Task<IList<LinePayStoreEnvironment>> GetStoreEnvironmentsAsync()
    {
        var environments = new List<LinePayStoreEnvironment>();
        foreach (var store in await _storeService.GetAllStoresAsync())
        {
            var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(store.Id);
            environments.Add(Describe(store.Name, settings));
        }

        return environments;
    }

    /// <summary>
    /// Gets where payments with these settings go
    /// </summary>
    public static LinePayStoreEnvironment Describe(string storeName, LinePayPaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        if (!string.IsNullOrWhiteSpace(settings.ApiBaseAddress))
            return new(storeName, LinePayEnvironmentKind.TestApi, settings.ApiBaseAddress.Trim());

        return settings.UseSandbox
            ? new(storeName, LinePayEnvironmentKind.Sandbox, LinePayClientOptions.SandboxAddress.ToString())
            : new(storeName, LinePayEnvironmentKind.Live, LinePayClientOptions.ProductionAddress.ToString());
    }
}
