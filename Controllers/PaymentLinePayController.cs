using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Core;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Validators;
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
    protected readonly LinePayEnvironmentService _environmentService;

    #endregion

    #region Ctor

    public PaymentLinePayController(ILocalizationService localizationService,
        INotificationService notificationService,
        ISettingService settingService,
        IStoreContext storeContext,
        LinePayChannelSecretService channelSecretService,
        LinePayCredentialsTestService credentialsTestService,
        LinePayEnvironmentService environmentService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _settingService = settingService;
        _storeContext = storeContext;
        _channelSecretService = channelSecretService;
        _credentialsTestService = credentialsTestService;
        _environmentService = environmentService;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Fills the form's choices and says where each store's payments go
    /// </summary>
    protected virtual async Task PrepareListsAsync(ConfigurationModel model)
    {
        model.StoreEnvironments = await _environmentService.GetStoreEnvironmentsAsync();

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
    /// Copies the entered values onto the settings as they stand for the scope; what is saved and what the credentials
    /// test tries are the same. In a store's scope nopCommerce's admin script disables the inputs of the settings the
    /// store does not override, so the browser posts only the overridden ones: the others keep what the store inherits.
    /// The settings hold the secret as stored: encrypted.
    /// </summary>
    protected virtual void ApplyModel(ConfigurationModel model, LinePayPaymentSettings settings, int storeScope)
    {
        bool posted(bool overridden) => storeScope == 0 || overridden;

        if (posted(model.ChannelId_OverrideForStore))
            settings.ChannelId = model.ChannelId?.Trim();
        //a blank secret field keeps the stored secret
        if (posted(model.ChannelSecret_OverrideForStore) && !string.IsNullOrEmpty(model.ChannelSecret))
            settings.ChannelSecret = _channelSecretService.Encrypt(model.ChannelSecret);
        if (posted(model.UseSandbox_OverrideForStore))
            settings.UseSandbox = model.UseSandbox;
        if (posted(model.ApiVersionId_OverrideForStore))
            settings.ApiVersion = (LinePayApiVersion)model.ApiVersionId;
        if (posted(model.CurrencyCode_OverrideForStore))
            settings.CurrencyCode = model.CurrencyCode;
        if (posted(model.PaymentModeId_OverrideForStore))
            settings.PaymentMode = (LinePayPaymentMode)model.PaymentModeId;
        if (posted(model.AdditionalFee_OverrideForStore))
            settings.AdditionalFee = model.AdditionalFee;
        if (posted(model.AdditionalFeePercentage_OverrideForStore))
            settings.AdditionalFeePercentage = model.AdditionalFeePercentage;
        if (posted(model.CancelUnpaidOrders_OverrideForStore))
            settings.CancelUnpaidOrders = model.CancelUnpaidOrders;
        if (posted(model.RefundPaymentsOfCancelledOrders_OverrideForStore))
            settings.RefundPaymentsOfCancelledOrders = model.RefundPaymentsOfCancelledOrders;
        if (posted(model.OfferSubscriptions_OverrideForStore))
            settings.OfferSubscriptions = model.OfferSubscriptions;
        if (posted(model.ApiBaseAddress_OverrideForStore))
            settings.ApiBaseAddress = string.IsNullOrWhiteSpace(model.ApiBaseAddress) ? null : model.ApiBaseAddress.Trim();
    }

    /// <summary>
    /// Validates the settings as the store will use them (its overrides over the all-stores values), in place of the
    /// posted form, which in a store's scope holds only the overridden settings; the errors go to the form's fields
    /// </summary>
    protected virtual async Task<bool> ValidateEffectiveAsync(LinePayPaymentSettings settings)
    {
        foreach (var key in ModelState.Keys.ToList())
            ModelState.Remove(key);

        var result = await new ConfigurationValidator(_localizationService).ValidateAsync(ToModel(settings));
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.PropertyName, error.ErrorMessage);

        return result.IsValid;
    }

    /// <summary>
    /// Gets the form's values of the settings (the secret itself never goes to the browser, only whether one is stored)
    /// </summary>
    protected virtual ConfigurationModel ToModel(LinePayPaymentSettings settings) => new()
    {
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
        OfferSubscriptions = settings.OfferSubscriptions,
        ApiBaseAddress = settings.ApiBaseAddress
    };

    private static void CopyOverrides(ConfigurationModel from, ConfigurationModel to)
    {
        to.ChannelId_OverrideForStore = from.ChannelId_OverrideForStore;
        to.ChannelSecret_OverrideForStore = from.ChannelSecret_OverrideForStore;
        to.UseSandbox_OverrideForStore = from.UseSandbox_OverrideForStore;
        to.ApiVersionId_OverrideForStore = from.ApiVersionId_OverrideForStore;
        to.CurrencyCode_OverrideForStore = from.CurrencyCode_OverrideForStore;
        to.PaymentModeId_OverrideForStore = from.PaymentModeId_OverrideForStore;
        to.AdditionalFee_OverrideForStore = from.AdditionalFee_OverrideForStore;
        to.AdditionalFeePercentage_OverrideForStore = from.AdditionalFeePercentage_OverrideForStore;
        to.CancelUnpaidOrders_OverrideForStore = from.CancelUnpaidOrders_OverrideForStore;
        to.RefundPaymentsOfCancelledOrders_OverrideForStore = from.RefundPaymentsOfCancelledOrders_OverrideForStore;
        to.OfferSubscriptions_OverrideForStore = from.OfferSubscriptions_OverrideForStore;
        to.ApiBaseAddress_OverrideForStore = from.ApiBaseAddress_OverrideForStore;
    }

    /// <summary>
    /// Saves the secret as the other settings are saved, except that a blank secret field in a store's scope never
    /// stores the secret the store inherits as the store's own
    /// </summary>
    /// <returns>False when the store's override was ticked with a blank field and no secret of its own, so it inherits</returns>
    protected virtual async Task<bool> SaveChannelSecretAsync(ConfigurationModel model, LinePayPaymentSettings settings, int storeScope)
    {
        if (storeScope > 0 && model.ChannelSecret_OverrideForStore && string.IsNullOrEmpty(model.ChannelSecret)
            && !await _settingService.SettingExistsAsync(settings, x => x.ChannelSecret, storeScope))
            return false;

        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ChannelSecret, model.ChannelSecret_OverrideForStore, storeScope, false);
        return true;
    }

    #endregion

    #region Methods

    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        //load settings for a chosen store scope
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        var model = ToModel(settings);
        model.ActiveStoreScopeConfiguration = storeScope;
        await PrepareListsAsync(model);

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
            model.OfferSubscriptions_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.OfferSubscriptions, storeScope);
            model.ApiBaseAddress_OverrideForStore = await _settingService.SettingExistsAsync(settings, x => x.ApiBaseAddress, storeScope);
        }

        return View(LinePayDefaults.ConfigurationViewPath, model);
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("save")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure(ConfigurationModel model)
    {
        //load settings for a chosen store scope
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        ApplyModel(model, settings, storeScope);
        if (!await ValidateEffectiveAsync(settings))
            return await Configure();

        /* We do not clear cache after each setting update.
         * This behavior can increase performance because cached settings will not be cleared
         * and loaded from database after each update */
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ChannelId, model.ChannelId_OverrideForStore, storeScope, false);
        var secretSaved = await SaveChannelSecretAsync(model, settings, storeScope);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.UseSandbox, model.UseSandbox_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiVersion, model.ApiVersionId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CurrencyCode, model.CurrencyCode_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.PaymentMode, model.PaymentModeId_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AdditionalFee, model.AdditionalFee_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.AdditionalFeePercentage, model.AdditionalFeePercentage_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.CancelUnpaidOrders, model.CancelUnpaidOrders_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.RefundPaymentsOfCancelledOrders, model.RefundPaymentsOfCancelledOrders_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.OfferSubscriptions, model.OfferSubscriptions_OverrideForStore, storeScope, false);
        await _settingService.SaveSettingOverridablePerStoreAsync(settings, x => x.ApiBaseAddress, model.ApiBaseAddress_OverrideForStore, storeScope, false);

        //now clear settings cache
        await _settingService.ClearCacheAsync();

        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));
        if (!secretSaved)
            _notificationService.WarningNotification(await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.Fields.ChannelSecret.Inherited"));

        return await Configure();
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired("test-credentials")]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestCredentials(ConfigurationModel model)
    {
        //the entered values are tested, not saved; a blank secret field means the stored secret
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var settings = await _settingService.LoadSettingAsync<LinePayPaymentSettings>(storeScope);

        var secretStored = !string.IsNullOrEmpty(settings.ChannelSecret);

        //test exactly what saving the form would store, for the store as it will use them (the loaded settings are a
        //copy, so nothing is saved here)
        ApplyModel(model, settings, storeScope);
        await ValidateEffectiveAsync(settings);
        var (result, returnCode) = await _credentialsTestService.TestAsync(settings);

        var message = await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.TestCredentials.{result}");
        if (result == LinePayCredentialsTestResult.Works)
            _notificationService.SuccessNotification(message);
        else
            _notificationService.ErrorNotification(string.Format(message, returnCode));

        //show the form as the store would use it, never with the secret
        var shown = ToModel(settings);
        shown.ChannelSecretStored = secretStored;
        shown.ActiveStoreScopeConfiguration = storeScope;
        CopyOverrides(model, shown);
        await PrepareListsAsync(shown);

        return View(LinePayDefaults.ConfigurationViewPath, shown);
    }

    #endregion
}
