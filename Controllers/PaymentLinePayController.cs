using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.LinePay.Controllers;

/// <summary>
/// Admin configuration of LINE Pay, per store
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class PaymentLinePayController : BasePaymentController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly ISettingService _settingService;
    protected readonly IStoreContext _storeContext;
    protected readonly LinePayChannelSecretService _channelSecretService;
    protected readonly LinePayCredentialsTestService _credentialsTestService;

    #endregion

    #region Ctor

    public PaymentLinePayController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        LinePayChannelSecretService channelSecretService,
        LinePayCredentialsTestService credentialsTestService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _channelSecretService = channelSecretService;
        _credentialsTestService = credentialsTestService;
    }

    #endregion

    #region Utilities

    protected virtual async Task PrepareSelectListsAsync(ConfigurationModel model)
    {
        model.AvailableApiVersions = Enum.GetValues<LinePayApiVersion>()
            .Select(version => new SelectListItem($"v{(int)version}", ((int)version).ToString()))
            .ToList();

        model.AvailableCurrencyCodes = LinePayCurrencyScale.SupportedCurrencies
            .Select(code => new SelectListItem(code, code))
            .ToList();

        model.AvailablePaymentModes = new List<SelectListItem>();
        foreach (var mode in Enum.GetValues<LinePayPaymentMode>())
        {
            var text = await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.PaymentMode.{mode}");
            model.AvailablePaymentModes.Add(new SelectListItem(text, ((int)mode).ToString()));
        }
    }

    /// <summary>
    /// Copies the entered values onto the settings; what is saved and what the credentials test tries are the same.
    /// The settings hold the secret as stored: encrypted.
    /// </summary>
    protected virtual void ApplyModel(ConfigurationModel model, LinePayPaymentSettings settings)
    {
        settings.ChannelId = model.ChannelId?.Trim();
        //a blank secret field keeps the stored secret
        if (!string.IsNullOrEmpty(model.ChannelSecret))
            settings.ChannelSecret = _channelSecretService.Encrypt(model.ChannelSecret);
        settings.UseSandbox = model.UseSandbox;
        settings.ApiVersion = (LinePayApiVersion)model.ApiVersionId;
        settings.CurrencyCode = model.CurrencyCode;
        settings.PaymentMode = (LinePayPaymentMode)model.PaymentModeId;
        settings.AdditionalFee = model.AdditionalFee;
        settings.AdditionalFeePercentage = model.AdditionalFeePercentage;
        settings.CancelUnpaidOrders = model.CancelUnpaidOrders;
        settings.RefundPaymentsOfCancelledOrders = model.RefundPaymentsOfCancelledOrders;
        settings.ApiBaseAddress = string.IsNullOrWhiteSpace(model.ApiBaseAddress) ? null : model.ApiBaseAddress.Trim();
    }

    /// <summary>
    /// Saves the secret as the other settings are saved, except that a blank secret field in a store's scope never
    /// stores the secret the store inherits as the store's own
    /// </summary>
    protected virtual async Task SaveChannelSecretAsync(ConfigurationModel model, LinePayPaymentSettings settings, int storeScope)
    {
        if (storeScope > 0 && model.ChannelSecret_OverrideForStore && string.IsNullOrEmpty(model.ChannelSecret)
            && !await _settingService.SettingExistsAsync(settings, x => x.ChannelSecret, storeScope))
            return;

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ChannelSecret, model.ChannelSecret_OverrideForStore, storeScope, false);
    }

    #endregion

    #region Methods

    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        //load settings for a chosen store scope
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        //the secret itself never goes to the browser, only whether one is stored
        var model = new ConfigurationModel
        {
            ActiveStoreScopeConfiguration = storeScope,
            ChannelId = settings.ChannelId,
            ChannelSecretStored = !string.IsNullOrEmpty(settings.ChannelSecret),
            UseSandbox = settings.UseSandbox,
            ApiVersionId = (int)settings.ApiVersion,
            CurrencyCode = settings.CurrencyCode,
            PaymentModeId = (int)settings.PaymentMode,
            AdditionalFee = settings.AdditionalFee,
            AdditionalFeePercentage = settings.AdditionalFeePercentage,
            CancelUnpaidOrders = settings.CancelUnpaidOrders,
            RefundPaymentsOfCancelledOrders = settings.RefundPaymentsOfCancelledOrders,
            ApiBaseAddress = settings.ApiBaseAddress
        };
        await PrepareSelectListsAsync(model);

        if (storeScope > 0)
        {
            model.ChannelId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ChannelId, storeScope);
            model.ChannelSecret_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ChannelSecret, storeScope);
            model.UseSandbox_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.UseSandbox, storeScope);
            model.ApiVersionId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiVersion, storeScope);
            model.CurrencyCode_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CurrencyCode, storeScope);
            model.PaymentModeId_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.PaymentMode, storeScope);
            model.AdditionalFee_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AdditionalFee, storeScope);
            model.AdditionalFeePercentage_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.AdditionalFeePercentage, storeScope);
            model.CancelUnpaidOrders_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.CancelUnpaidOrders, storeScope);
            model.RefundPaymentsOfCancelledOrders_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.RefundPaymentsOfCancelledOrders, storeScope);
            model.ApiBaseAddress_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiBaseAddress, storeScope);
        }

        return View(LinePayDefaults.ConfigurationViewPath, model);
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("save")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        //a secret typed into a form that is shown again must not be echoed back in it
        ModelState.Remove(nameof(ConfigurationModel.ChannelSecret));

        if (!ModelState.IsValid)
            return await Configure();

        //load settings for a chosen store scope
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        ApplyModel(model, settings);

        /* We do not clear cache after each setting update.
         * This behavior can increase performance because cached settings will not be cleared
         * and loaded from database after each update */
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ChannelId, model.ChannelId_OverrideForStore, storeScope, false);
        await SaveChannelSecretAsync(model, settings, storeScope);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.UseSandbox, model.UseSandbox_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiVersion, model.ApiVersionId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CurrencyCode, model.CurrencyCode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PaymentMode, model.PaymentModeId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AdditionalFee, model.AdditionalFee_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AdditionalFeePercentage, model.AdditionalFeePercentage_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CancelUnpaidOrders, model.CancelUnpaidOrders_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.RefundPaymentsOfCancelledOrders, model.RefundPaymentsOfCancelledOrders_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiBaseAddress, model.ApiBaseAddress_OverrideForStore, storeScope, false);

        //now clear settings cache
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));

        return await Configure();
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("test-credentials")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestCredentials(ConfigurationModel model)
    {
        //the entered values are tested, not saved; a blank secret field means the stored secret
        ModelState.Remove(nameof(ConfigurationModel.ChannelSecret));
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        var secretStored = !string.IsNullOrEmpty(settings.ChannelSecret);

        //test exactly what saving the form would store; the loaded settings are a copy, so nothing is saved here
        ApplyModel(model, settings);
        var (result, returnCode) = await _credentialsTestService.TestAsync(settings);

        var message = await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.TestCredentials.{result}");
        if (result == LinePayCredentialsTestResult.Works)
            _notificationService.SuccessNotification(message);
        else
            _notificationService.ErrorNotification(string.Format(message, returnCode));

        //show the form as entered, never with the secret
        model.ChannelSecret = null;
        model.ChannelSecretStored = secretStored;
        model.ActiveStoreScopeConfiguration = storeScope;
        await PrepareSelectListsAsync(model);

        return View(LinePayDefaults.ConfigurationViewPath, model);
    }

    #endregion
}
