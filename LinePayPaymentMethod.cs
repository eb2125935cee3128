using Microsoft.AspNetCore.Http;
using Nop.Core;
using Nop.Core.Domain.Cms;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.LinePay.Components;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Cms;
using Nop.Services.Configuration;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.Payments;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;
using Nop.Web.Framework.Infrastructure;

namespace Nop.Plugin.Payments.LinePay;

/// <summary>
/// LINE Pay payment method: the customer is redirected to LINE Pay to approve the payment and comes back to the store
/// </summary>
public class LinePayPaymentMethod : BasePlugin, IPaymentMethod, IWidgetPlugin
{
    #region Fields

    protected readonly IOrderTotalCalculationService _orderTotalCalculationService;
    protected readonly IShoppingCartService _shoppingCartService;
    protected readonly ILocalizationService _localizationService;
    protected readonly IScheduleTaskService _scheduleTaskService;
    protected readonly ISettingService _settingService;
    protected readonly IWebHelper _webHelper;
    protected readonly LinePayAvailabilityService _availabilityService;
    protected readonly LinePayCaptureService _captureService;
    protected readonly LinePayChannelSecretService _channelSecretService;
    protected readonly LinePayRefundService _refundService;
    protected readonly LinePayVoidService _voidService;
    protected readonly LinePayLocaleResourceService _localeResourceService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentRequestService _paymentRequestService;
    protected readonly LinePayPaymentSettings _settings;
    protected readonly LinePaySubscriptionChargeService _subscriptionChargeService;
    protected readonly LinePaySubscriptionKeyService _subscriptionKeyService;
    protected readonly WidgetSettings _widgetSettings;

    #endregion

    #region Ctor

    public LinePayPaymentMethod(IOrderTotalCalculationService orderTotalCalculationService,
        IShoppingCartService shoppingCartService,
        ILocalizationService localizationService,
        IScheduleTaskService scheduleTaskService,
        ISettingService settingService,
        IWebHelper webHelper,
        LinePayAvailabilityService availabilityService,
        LinePayCaptureService captureService,
        LinePayChannelSecretService channelSecretService,
        LinePayRefundService refundService,
        LinePayVoidService voidService,
        LinePayLocaleResourceService localeResourceService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentRequestService paymentRequestService,
        LinePayPaymentSettings settings,
        LinePaySubscriptionChargeService subscriptionChargeService,
        LinePaySubscriptionKeyService subscriptionKeyService,
        WidgetSettings widgetSettings)
    {
        _orderTotalCalculationService = orderTotalCalculationService;
        _shoppingCartService = shoppingCartService;
        _localizationService = localizationService;
        _scheduleTaskService = scheduleTaskService;
        _settingService = settingService;
        _webHelper = webHelper;
        _availabilityService = availabilityService;
        _captureService = captureService;
        _channelSecretService = channelSecretService;
        _refundService = refundService;
        _voidService = voidService;
        _localeResourceService = localeResourceService;
        _orderPaymentService = orderPaymentService;
        _paymentRequestService = paymentRequestService;
        _settings = settings;
        _subscriptionChargeService = subscriptionChargeService;
        _subscriptionKeyService = subscriptionKeyService;
        _widgetSettings = widgetSettings;
    }

    #endregion

    #region Utilities

    /// <summary>
    /// Adds or updates the locale resources of every language and adds the scheduled tasks that are not there
    /// </summary>
    protected virtual async Task AddResourcesAndTaskAsync()
    {
        //a setting added in 1.20, on unless the shop owner turned it off; the settings cache, filled at start-up before
        //this runs, must forget what it holds, or the store would go on reading the setting as off
        var settings = new LinePayPaymentSettings { RefundPaymentsOfCancelledOrders = true };
        if (!await _settingService.SettingExistsAsync(settings, x => x.RefundPaymentsOfCancelledOrders))
            await _settingService.SaveSettingAsync(settings, x => x.RefundPaymentsOfCancelledOrders);

        //the order page's LINE Pay panel is a widget, shown only when active
        if (!_widgetSettings.ActiveWidgetSystemNames.Contains(LinePayDefaults.SystemName))
        {
            _widgetSettings.ActiveWidgetSystemNames.Add(LinePayDefaults.SystemName);
            await _settingService.SaveSettingAsync(_widgetSettings);
        }

        //the resource files are deployed beside the plugin assembly
        await _localeResourceService.AddOrUpdateResourcesAsync(Path.GetDirectoryName(PluginDescriptor.OriginalAssemblyFile));

        if (await _scheduleTaskService.GetTaskByTypeAsync(LinePayDefaults.ReconciliationTaskType) is { } task)
        {
            //1.00 ran it every ten minutes; a period the shop owner chose is kept
            if (task.Seconds == 10 * 60)
            {
                task.Seconds = LinePayDefaults.ReconciliationTaskSeconds;
                await _scheduleTaskService.UpdateTaskAsync(task);
            }
        }
        else
            await AddTaskAsync(LinePayDefaults.ReconciliationTaskName, LinePayDefaults.ReconciliationTaskType, LinePayDefaults.ReconciliationTaskSeconds);

        if (await _scheduleTaskService.GetTaskByTypeAsync(LinePayDefaults.SubscriptionTaskType) is null)
            await AddTaskAsync(LinePayDefaults.SubscriptionTaskName, LinePayDefaults.SubscriptionTaskType, LinePayDefaults.SubscriptionTaskSeconds);
    }

    protected virtual Task AddTaskAsync(string name, string type, int seconds) =>
        _scheduleTaskService.InsertTaskAsync(new ScheduleTask
        {
            Name = name,
            Type = type,
            Seconds = seconds,
            Enabled = true,
            LastEnabledUtc = DateTime.UtcNow,
            StopOnError = false
        });

    #endregion

    #region Methods

    /// <summary>
    /// Process a payment: nothing is charged yet, the order is placed as pending and the customer pays on LINE Pay
    /// </summary>
    public Task<ProcessPaymentResult> ProcessPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        return Task.FromResult(new ProcessPaymentResult { NewPaymentStatus = Core.Domain.Payments.PaymentStatus.Pending });
    }

    /// <summary>
    /// Post process payment: requests the payment from LINE Pay and redirects the customer to it (also when the
    /// customer retries the payment of a pending order)
    /// </summary>
    public async Task PostProcessPaymentAsync(PostProcessPaymentRequest postProcessPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(postProcessPaymentRequest);

        await _paymentRequestService.RequestPaymentAsync(postProcessPaymentRequest.Order);
    }

    /// <summary>
    /// Returns a value indicating whether payment method should be hidden during checkout: when the store cannot take
    /// LINE Pay payments, and for a cart of recurring products unless the store offers subscriptions with LINE Pay
    /// </summary>
    public async Task<bool> HidePaymentMethodAsync(IList<ShoppingCartItem> cart)
    {
        if (!await _availabilityService.IsAvailableAsync())
            return true;

        return !_settings.OfferSubscriptions && cart?.Count > 0 && await _shoppingCartService.ShoppingCartIsRecurringAsync(cart);
    }

    /// <summary>
    /// Gets the additional handling fee: fixed or a percentage of the cart total, as configured
    /// </summary>
    public async Task<decimal> GetAdditionalHandlingFeeAsync(IList<ShoppingCartItem> cart)
    {
        return await _orderTotalCalculationService.CalculatePaymentAdditionalFeeAsync(cart,
            _settings.AdditionalFee, _settings.AdditionalFeePercentage);
    }

    /// <summary>
    /// Captures an authorized payment: the whole authorized amount
    /// </summary>
    public async Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest capturePaymentRequest)
    {
        return await _captureService.CaptureAsync(capturePaymentRequest);
    }

    /// <summary>
    /// Refunds a payment, fully or partially
    /// </summary>
    public async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest refundPaymentRequest)
    {
        return await _refundService.RefundAsync(refundPaymentRequest);
    }

    /// <summary>
    /// Voids an authorized payment
    /// </summary>
    public async Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest voidPaymentRequest)
    {
        return await _voidService.VoidAsync(voidPaymentRequest);
    }

    /// <summary>
    /// Processes a subscription's payment: its first order is placed pending and paid on LINE Pay as a pre-approved
    /// payment (PostProcessPaymentAsync), whose key then charges each next cycle
    /// </summary>
    public async Task<ProcessPaymentResult> ProcessRecurringPaymentAsync(ProcessPaymentRequest processPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(processPaymentRequest);

        //nopCommerce names the first order of the next cycles; the first order itself has none
        if (processPaymentRequest.InitialOrder is null)
            return await ProcessPaymentAsync(processPaymentRequest);

        return await _subscriptionChargeService.ChargeAsync(processPaymentRequest);
    }

    /// <summary>
    /// Cancels a subscription: its key is expired at LINE Pay (later by the scheduled task when LINE Pay cannot be
    /// reached); nopCommerce cancels the recurring payment in any case
    /// </summary>
    public async Task<CancelRecurringPaymentResult> CancelRecurringPaymentAsync(CancelRecurringPaymentRequest cancelPaymentRequest)
    {
        ArgumentNullException.ThrowIfNull(cancelPaymentRequest);

        await _subscriptionKeyService.CancelAsync(cancelPaymentRequest.Order);

        return new CancelRecurringPaymentResult();
    }

    /// <summary>
    /// Gets a value indicating whether the customer can pay a placed but unpaid order again (the "Retry payment" link);
    /// nopCommerce itself only asks for pending, not cancelled orders. Never while LINE Pay may hold money for the
    /// order's payment (a Confirm or a refund without answer, money being given back, an outcome given up on).
    /// </summary>
    public async Task<bool> CanRePostProcessPaymentAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        //not right after placing the order: the first redirection to LINE Pay may still be under way
        if ((DateTime.UtcNow - order.CreatedOnUtc).TotalSeconds < 5)
            return false;

        //a reservation the customer left is asked about (and finished if approved) before another one is requested
        var payment = await _orderPaymentService.GetAsync(order);
        return payment is null || payment.State == LinePayPaymentState.Requested || payment.Allows(LinePayPaymentEvent.NewAttempt);
    }

    /// <summary>
    /// Validate payment form: there is nothing to enter, the customer approves the payment on LINE Pay
    /// </summary>
    public Task<IList<string>> ValidatePaymentFormAsync(IFormCollection form)
    {
        return Task.FromResult<IList<string>>(new List<string>());
    }

    /// <summary>
    /// Get payment information
    /// </summary>
    public Task<ProcessPaymentRequest> GetPaymentInfoAsync(IFormCollection form)
    {
        return Task.FromResult(new ProcessPaymentRequest());
    }

    /// <summary>
    /// Gets a configuration page URL
    /// </summary>
    public override string GetConfigurationPageUrl()
    {
        return $"{_webHelper.GetStoreLocation()}{LinePayDefaults.ConfigurationPath}";
    }

    /// <summary>
    /// Gets the view component shown on the payment info step of checkout
    /// </summary>
    public Type GetPublicViewComponent()
    {
        return typeof(LinePayPaymentInfoViewComponent);
    }

    /// <summary>
    /// Gets the payment method description shown on the payment method step of checkout
    /// </summary>
    public async Task<string> GetPaymentMethodDescriptionAsync()
    {
        return await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.PaymentMethodDescription");
    }

    /// <summary>
    /// Install the plugin: default settings (sandbox, API v3, TWD, capture), the locale resources of every language and
    /// the scheduled task that settles unfinished payments
    /// </summary>
    public override async Task InstallAsync()
    {
        await _settingService.SaveSettingAsync(new LinePayPaymentSettings
        {
            UseSandbox = true,
            ApiVersion = LinePayApiVersion.V3,
            CurrencyCode = "TWD",
            PaymentMode = LinePayPaymentMode.CaptureImmediately,
            RefundPaymentsOfCancelledOrders = true
        });

        await AddResourcesAndTaskAsync();

        await base.InstallAsync();
    }

    /// <summary>
    /// Update the plugin from an earlier installed version: nopCommerce calls this at start-up when the uploaded
    /// plugin's version differs from the installed one, and never runs InstallAsync again, so resources and the
    /// scheduled task added since then are added here (the settings are kept)
    /// </summary>
    public override async Task UpdateAsync(string currentVersion, string targetVersion)
    {
        await AddResourcesAndTaskAsync();

        //version 1.00 stored the channel secret as plain text
        await _channelSecretService.EncryptStoredSecretsAsync();

        //version 1.00 kept no list of payments for the scheduled task
        await _orderPaymentService.ScheduleStoredAsync();

        await base.UpdateAsync(currentVersion, targetVersion);
    }

    /// <summary>
    /// Uninstall the plugin: settings of every store, locale resources and the scheduled task
    /// </summary>
    public override async Task UninstallAsync()
    {
        foreach (var type in new[] { LinePayDefaults.ReconciliationTaskType, LinePayDefaults.SubscriptionTaskType })
        {
            if (await _scheduleTaskService.GetTaskByTypeAsync(type) is { } task)
                await _scheduleTaskService.DeleteTaskAsync(task);
        }

        if (_widgetSettings.ActiveWidgetSystemNames.Remove(LinePayDefaults.SystemName))
            await _settingService.SaveSettingAsync(_widgetSettings);

        await _settingService.DeleteSettingAsync<LinePayPaymentSettings>();
        await _localeResourceService.DeleteResourcesAsync();

        await base.UninstallAsync();
    }

    /// <summary>
    /// Gets the widget zones the plugin renders into: the details of the order page (the LINE Pay panel)
    /// </summary>
    public Task<IList<string>> GetWidgetZonesAsync()
    {
        return Task.FromResult<IList<string>>([AdminWidgetZones.OrderDetailsBlock]);
    }

    /// <summary>
    /// Gets the view component of a widget zone
    /// </summary>
    public Type GetWidgetViewComponent(string widgetZone)
    {
        ArgumentNullException.ThrowIfNull(widgetZone);

        return widgetZone.Equals(AdminWidgetZones.OrderDetailsBlock) ? typeof(LinePayOrderPanelViewComponent) : null;
    }

    #endregion

    #region Properties

    /// <summary>
    /// Gets a value indicating whether to hide this plugin on the widget list page in the admin area: the panel is part
    /// of the payment method, not a widget to switch on and off
    /// </summary>
    public bool HideInWidgetList => true;

    /// <summary>
    /// Gets a value indicating whether capture is supported. nopCommerce offers it for authorized orders only, which
    /// may have been placed before the store switched to capturing immediately, so it does not depend on the mode.
    /// </summary>
    public bool SupportCapture => true;

    /// <summary>
    /// Gets a value indicating whether partial refund is supported
    /// </summary>
    public bool SupportPartiallyRefund => true;

    /// <summary>
    /// Gets a value indicating whether refund is supported
    /// </summary>
    public bool SupportRefund => true;

    /// <summary>
    /// Gets a value indicating whether void is supported; like capture, nopCommerce offers it for authorized orders only
    /// </summary>
    public bool SupportVoid => true;

    /// <summary>
    /// Gets a recurring payment type of payment method: manual, as nopCommerce asks the plugin to charge each cycle
    /// (the plugin's scheduled task, "Process next payment", the customer's "Retry last payment")
    /// </summary>
    public RecurringPaymentType RecurringPaymentType => RecurringPaymentType.Manual;

    /// <summary>
    /// Gets a payment method type
    /// </summary>
    public PaymentMethodType PaymentMethodType => PaymentMethodType.Redirection;

    /// <summary>
    /// Gets a value indicating whether we should display a payment information page for this plugin
    /// </summary>
    public bool SkipPaymentInfo => false;

    #endregion
}
