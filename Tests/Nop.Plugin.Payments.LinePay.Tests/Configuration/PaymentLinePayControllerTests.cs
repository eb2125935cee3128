using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Core;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Services.Stores;
using Nop.Core.Domain.Stores;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

[TestFixture]
public class PaymentLinePayControllerTests
{
    private const int StoreId = 3;
    private const string SharedSecret = "shared-secret-0123456789abcdef";
    private const string StoreSecret = "store-secret-fedcba9876543210";

    private SettingStore _settings;
    private LinePayChannelSecretService _secrets;
    private Mock<IStoreContext> _storeContext;
    private Mock<INotificationService> _notifications;
    private Mock<IStoreService> _stores;
    private PaymentLinePayController _controller;

    [SetUp]
    public void CreateController()
    {
        _settings = new SettingStore();
        _secrets = new LinePayChannelSecretService(new TestEncryption().Service.Object, new Mock<ILogger>().Object, _settings.Service.Object);
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), "1234567890");
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(SharedSecret));
        _settings.Set(0, nameof(LinePayPaymentSettings.UseSandbox), true);
        _settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V3);
        _settings.Set(0, nameof(LinePayPaymentSettings.CurrencyCode), "TWD");
        _settings.Set(0, nameof(LinePayPaymentSettings.PaymentMode), LinePayPaymentMode.CaptureImmediately);

        _storeContext = new Mock<IStoreContext>();
        _notifications = new Mock<INotificationService>();
        var localization = new Mock<ILocalizationService>();
        localization.Setup(l => l.GetResourceAsync(It.IsAny<string>())).ReturnsAsync((string key) => $"[{key}]");

        _stores = new Mock<IStoreService>();
        _stores.Setup(service => service.GetAllStoresAsync()).ReturnsAsync(() => new List<Store>
        {
            new() { Id = 1, Name = "Main store" }, new() { Id = StoreId, Name = "Store 3" }
        });
        _controller = new PaymentLinePayController(localization.Object, _notifications.Object, _settings.Service.Object,
            _storeContext.Object, _secrets, null, new LinePayEnvironmentService(_settings.Service.Object, _stores.Object));
    }

    /// <summary>The stored secret row of the store (0: all stores), as it is in the database</summary>
    private string StoredSecret(int storeId) => (string)_settings.Rows[(storeId, nameof(LinePayPaymentSettings.ChannelSecret))];

    private void UseStoreScope(int storeScope) =>
        _storeContext.Setup(c => c.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(storeScope);

    private async Task<ConfigurationModel> GetModelAsync(Func<Task<IActionResult>> action)
    {
        var result = await action();
        Assert.That(result, Is.InstanceOf<ViewResult>());
        var view = (ViewResult)result;
        Assert.That(view.ViewName, Is.EqualTo("~/Plugins/Payments.LinePay/Views/Configure.cshtml"));
        return (ConfigurationModel)view.Model;
    }

    private static ConfigurationModel ValidPost(int storeScope) => new()
    {
        ActiveStoreScopeConfiguration = storeScope,
        ChannelId = "1234567890",
        UseSandbox = true,
        ApiVersionId = (int)LinePayApiVersion.V3,
        CurrencyCode = "TWD",
        PaymentModeId = (int)LinePayPaymentMode.CaptureImmediately
    };

    [Test]
    public async Task GetInSharedScopeShowsTheSharedSettingsWithoutTheSecret()
    {
        UseStoreScope(0);
        _settings.Set(0, nameof(LinePayPaymentSettings.AdditionalFee), 1.5m);
        _settings.Set(0, nameof(LinePayPaymentSettings.ApiBaseAddress), "http://localhost:5080/");

        var model = await GetModelAsync(_controller.Configure);

        Assert.Multiple(() =>
        {
            Assert.That(model.ActiveStoreScopeConfiguration, Is.Zero);
            Assert.That(model.ChannelId, Is.EqualTo("1234567890"));
            Assert.That(model.ChannelSecret, Is.Null);
            Assert.That(model.ChannelSecretStored, Is.True);
            Assert.That(model.UseSandbox, Is.True);
            Assert.That(model.ApiVersionId, Is.EqualTo(3));
            Assert.That(model.CurrencyCode, Is.EqualTo("TWD"));
            Assert.That(model.PaymentModeId, Is.EqualTo((int)LinePayPaymentMode.CaptureImmediately));
            Assert.That(model.AdditionalFee, Is.EqualTo(1.5m));
            Assert.That(model.ApiBaseAddress, Is.EqualTo("http://localhost:5080/"));
            Assert.That(model.ChannelId_OverrideForStore, Is.False);
        });
    }

    [Test]
    public async Task GetSaysWhereEachStoresPaymentsGoWithItsOwnSettings()
    {
        UseStoreScope(0);
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.UseSandbox), false);
        _settings.Set(1, nameof(LinePayPaymentSettings.ApiBaseAddress), "http://127.0.0.1:5080/");

        var model = await GetModelAsync(_controller.Configure);

        Assert.That(model.StoreEnvironments, Is.EqualTo(new[]
        {
            new LinePayStoreEnvironment("Main store", LinePayEnvironmentKind.TestApi, "http://127.0.0.1:5080/"),
            new LinePayStoreEnvironment("Store 3", LinePayEnvironmentKind.Live, "https://api-pay.line.me/")
        }));
    }

    [Test]
    public void EveryStoreWithoutItsOwnSettingsPaysInTheSandboxUntilTheSandboxIsTurnedOff()
    {
        Assert.That(LinePayEnvironmentService.Describe("Shop", new LinePayPaymentSettings { UseSandbox = true }),
            Is.EqualTo(new LinePayStoreEnvironment("Shop", LinePayEnvironmentKind.Sandbox, "https://sandbox-api-pay.line.me/")));
    }

    [Test]
    public async Task GetOffersTheSupportedChoices()
    {
        UseStoreScope(0);

        var model = await GetModelAsync(_controller.Configure);

        Assert.Multiple(() =>
        {
            Assert.That(model.AvailableCurrencyCodes.Select(i => i.Value), Is.EqualTo(new[] { "TWD", "THB", "USD" }));
            Assert.That(model.AvailableApiVersions.Select(i => (i.Text, i.Value)), Is.EqualTo(new[] { ("v3", "3"), ("v4", "4") }));
            Assert.That(model.AvailablePaymentModes.Select(i => (i.Text, i.Value)), Is.EqualTo(new[]
            {
                ("[Plugins.Payments.LinePay.PaymentMode.CaptureImmediately]", "0"),
                ("[Plugins.Payments.LinePay.PaymentMode.AuthorizeOnly]", "1")
            }));
        });
    }

    [Test]
    public async Task GetInStoreScopeShowsTheStoreValuesAndWhichOfThemAreOverridden()
    {
        UseStoreScope(StoreId);
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.CurrencyCode), "THB");
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(StoreSecret));
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.CancelUnpaidOrders), true);

        var model = await GetModelAsync(_controller.Configure);

        Assert.Multiple(() =>
        {
            Assert.That(model.ActiveStoreScopeConfiguration, Is.EqualTo(StoreId));
            Assert.That(model.CurrencyCode, Is.EqualTo("THB"));
            Assert.That(model.CurrencyCode_OverrideForStore, Is.True);
            Assert.That(model.ChannelSecret_OverrideForStore, Is.True);
            Assert.That(model.ChannelId, Is.EqualTo("1234567890"));
            Assert.That(model.ChannelId_OverrideForStore, Is.False);
            Assert.That(model.UseSandbox_OverrideForStore, Is.False);
            Assert.That(model.ChannelSecret, Is.Null);
            Assert.That(model.ChannelSecretStored, Is.True);
            Assert.That(model.CancelUnpaidOrders, Is.True);
            Assert.That(model.CancelUnpaidOrders_OverrideForStore, Is.True);
            Assert.That(model.AdditionalFeePercentage_OverrideForStore, Is.False);
        });
    }

    [Test]
    public async Task GetReportsThatNoSecretIsStored()
    {
        UseStoreScope(0);
        _settings.Rows.Remove((0, nameof(LinePayPaymentSettings.ChannelSecret)));

        var model = await GetModelAsync(_controller.Configure);

        Assert.That(model.ChannelSecretStored, Is.False);
    }

    [Test]
    public async Task PostInSharedScopeSavesEveryField()
    {
        UseStoreScope(0);
        var post = ValidPost(0) with
        {
            ChannelId = " 9876543210 ",
            ChannelSecret = "new-secret",
            UseSandbox = false,
            ApiVersionId = (int)LinePayApiVersion.V4,
            CurrencyCode = "USD",
            PaymentModeId = (int)LinePayPaymentMode.AuthorizeOnly,
            AdditionalFee = 2.5m,
            AdditionalFeePercentage = true,
            CancelUnpaidOrders = true,
            ApiBaseAddress = "http://localhost:5080/"
        };

        await _controller.Configure(post);

        var saved = _settings.Load(0);
        Assert.Multiple(() =>
        {
            Assert.That(saved.ChannelId, Is.EqualTo("9876543210"));
            Assert.That(_secrets.Decrypt(saved.ChannelSecret), Is.EqualTo("new-secret"));
            Assert.That(saved.ChannelSecret, Does.Not.Contain("new-secret"), "stored encrypted");
            Assert.That(saved.UseSandbox, Is.False);
            Assert.That(saved.ApiVersion, Is.EqualTo(LinePayApiVersion.V4));
            Assert.That(saved.CurrencyCode, Is.EqualTo("USD"));
            Assert.That(saved.PaymentMode, Is.EqualTo(LinePayPaymentMode.AuthorizeOnly));
            Assert.That(saved.AdditionalFee, Is.EqualTo(2.5m));
            Assert.That(saved.AdditionalFeePercentage, Is.True);
            Assert.That(saved.CancelUnpaidOrders, Is.True);
            Assert.That(saved.ApiBaseAddress, Is.EqualTo("http://localhost:5080/"));
        });
        _settings.Service.Verify(s => s.ClearCacheAsync(), Times.Once);
        _notifications.Verify(n => n.SuccessNotification("[Admin.Plugins.Saved]", true, 0), Times.Once);
    }

    [Test]
    public async Task PostWithABlankSecretKeepsTheStoredOne()
    {
        UseStoreScope(0);
        var stored = StoredSecret(0);

        await _controller.Configure(ValidPost(0) with { ChannelSecret = "" });

        Assert.That(StoredSecret(0), Is.EqualTo(stored), "neither changed nor encrypted again");
        Assert.That(_secrets.Decrypt(StoredSecret(0)), Is.EqualTo(SharedSecret));
    }

    [Test]
    public async Task PostNeverHandsTheSecretToTheView()
    {
        UseStoreScope(0);

        var model = await GetModelAsync(() => _controller.Configure(ValidPost(0) with { ChannelSecret = "typed-secret" }));

        Assert.That(model.ChannelSecret, Is.Null);
        Assert.That(model.ChannelSecretStored, Is.True);
        Assert.That(_controller.ModelState.ContainsKey(nameof(ConfigurationModel.ChannelSecret)), Is.False);
    }

    [Test]
    public async Task PostInStoreScopeSavesOverriddenFieldsForTheStoreAndDeletesTheOthers()
    {
        UseStoreScope(StoreId);
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.UseSandbox), false);
        var post = ValidPost(StoreId) with
        {
            CurrencyCode = "THB",
            CurrencyCode_OverrideForStore = true,
            ChannelSecret = StoreSecret,
            ChannelSecret_OverrideForStore = true,
            UseSandbox = false,
            UseSandbox_OverrideForStore = false,
            CancelUnpaidOrders = true,
            CancelUnpaidOrders_OverrideForStore = true
        };

        await _controller.Configure(post);

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Rows[(StoreId, nameof(LinePayPaymentSettings.CurrencyCode))], Is.EqualTo("THB"));
            Assert.That(_secrets.Decrypt(StoredSecret(StoreId)), Is.EqualTo(StoreSecret));
            Assert.That(StoredSecret(StoreId), Does.StartWith("enc:").And.Not.Contain(StoreSecret));
            Assert.That(_settings.Rows.ContainsKey((StoreId, nameof(LinePayPaymentSettings.UseSandbox))), Is.False);
            Assert.That(_settings.Load(StoreId).CancelUnpaidOrders, Is.True);
            Assert.That(_settings.Load(0).CancelUnpaidOrders, Is.False);
            Assert.That(_settings.Rows.ContainsKey((StoreId, nameof(LinePayPaymentSettings.ChannelId))), Is.False);
            //the shared settings are untouched
            Assert.That(_settings.Rows[(0, nameof(LinePayPaymentSettings.CurrencyCode))], Is.EqualTo("TWD"));
            Assert.That(_secrets.Decrypt(StoredSecret(0)), Is.EqualTo(SharedSecret));
            Assert.That(_settings.Load(StoreId).UseSandbox, Is.True);
        });
    }

    [Test]
    public async Task PostInStoreScopeWithABlankOverriddenSecretKeepsTheStoresSecret()
    {
        UseStoreScope(StoreId);
        var stored = _secrets.Encrypt(StoreSecret);
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.ChannelSecret), stored);

        await _controller.Configure(ValidPost(StoreId) with { ChannelSecret = null, ChannelSecret_OverrideForStore = true });

        Assert.That(StoredSecret(StoreId), Is.EqualTo(stored));
        _notifications.Verify(n => n.WarningNotification(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<int>()), Times.Never);
    }

    [Test]
    public async Task PostInStoreScopeWithABlankOverriddenSecretDoesNotCopyTheSharedSecretIntoTheStore()
    {
        UseStoreScope(StoreId);

        await _controller.Configure(ValidPost(StoreId) with { ChannelSecret = "", ChannelSecret_OverrideForStore = true });

        Assert.That(_settings.Rows.ContainsKey((StoreId, nameof(LinePayPaymentSettings.ChannelSecret))), Is.False);
        Assert.That(_secrets.Decrypt(_settings.Load(StoreId).ChannelSecret), Is.EqualTo(SharedSecret), "the store still inherits it");
        _notifications.Verify(n => n.WarningNotification("[Plugins.Payments.LinePay.Fields.ChannelSecret.Inherited]", It.IsAny<bool>(), It.IsAny<int>()), Times.Once,
            "the shop owner learns why the box comes back unticked");
    }

    [Test]
    public async Task NeitherTheSecretNorItsStoredFormReachesTheView()
    {
        UseStoreScope(StoreId);
        _settings.Set(StoreId, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(StoreSecret));
        var stored = new[] { StoredSecret(0), StoredSecret(StoreId) };

        var shown = await GetModelAsync(_controller.Configure);
        var afterSave = await GetModelAsync(() => _controller.Configure(ValidPost(StoreId) with { ChannelSecret = "typed-secret", ChannelSecret_OverrideForStore = true }));

        foreach (var model in new[] { shown, afterSave })
        {
            //everything the view can render from the model
            var json = Newtonsoft.Json.JsonConvert.SerializeObject(model);
            Assert.That(json, Does.Not.Contain(SharedSecret).And.Not.Contain(StoreSecret).And.Not.Contain("typed-secret"));
            Assert.That(json, Does.Not.Contain(stored[0]).And.Not.Contain(stored[1]).And.Not.Contain(StoredSecret(StoreId)));
            Assert.That(json, Does.Not.Contain("enc:"));
            Assert.That(model.ChannelSecretStored, Is.True);
        }
    }

    [Test]
    public async Task InvalidPostSavesNothingAndShowsTheStoredSettings()
    {
        UseStoreScope(0);
        _controller.ModelState.AddModelError(nameof(ConfigurationModel.ChannelId), "digits only");

        var model = await GetModelAsync(() => _controller.Configure(ValidPost(0) with { ChannelId = "abc", ChannelSecret = "typed" }));

        _settings.Service.Verify(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<LinePayPaymentSettings>(),
            It.IsAny<System.Linq.Expressions.Expression<Func<LinePayPaymentSettings, It.IsAnyType>>>(), It.IsAny<bool>(),
            It.IsAny<int>(), It.IsAny<bool>()), Times.Never);
        Assert.That(_secrets.Decrypt(StoredSecret(0)), Is.EqualTo(SharedSecret));
        Assert.That(model.ChannelSecret, Is.Null);
        Assert.That(_controller.ModelState.IsValid, Is.False);
    }

    [Test]
    public void IsAnAdminControllerGuardedByThePaymentMethodsPermission()
    {
        var type = typeof(PaymentLinePayController);
        Assert.That(type.GetCustomAttribute<AreaAttribute>()?.RouteValue, Is.EqualTo(AreaNames.ADMIN));
        Assert.That(type.GetCustomAttribute<AuthorizeAdminAttribute>(), Is.Not.Null);
        Assert.That(type.GetCustomAttribute<AutoValidateAntiforgeryTokenAttribute>(), Is.Not.Null);

        var actions = type.GetMethods().Where(m => m.Name == nameof(PaymentLinePayController.Configure)).ToList();
        Assert.That(actions, Has.Count.EqualTo(2));
        Assert.That(actions.Select(a => a.GetCustomAttribute<CheckPermissionAttribute>()?.PermissionSystemName.Single()),
            Is.All.EqualTo(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS));
    }
}
