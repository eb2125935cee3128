using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Plugin.Payments.LinePay.Validators;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

/// <summary>
/// The configuration form as a browser posts it. In a store's scope nopCommerce's admin script disables the inputs of
/// the settings the store does not override, so only the overridden inputs (and the override checkboxes) arrive; model
/// binding leaves the others at their defaults. All stores' scope posts every input.
/// </summary>
[TestFixture]
public class BrowserShapedFormTests : EmulatorTest
{
    private const int StoreId = 2;

    private NopStore _store = null!;

    //each setting: its form field, a value the store may choose, the posted form's value for it, and how to read it back
    private static readonly (string Field, string Setting, Action<ConfigurationModel> Post, Func<LinePayPaymentSettings, object> Read, object Expected)[] _settings =
    [
        ("ChannelId", "ChannelId", model => model.ChannelId = "9876543210", settings => settings.ChannelId, "9876543210"),
        ("UseSandbox", "UseSandbox", model => model.UseSandbox = false, settings => settings.UseSandbox, false),
        ("ApiVersionId", "ApiVersion", model => model.ApiVersionId = 4, settings => settings.ApiVersion, LinePayApiVersion.V4),
        ("CurrencyCode", "CurrencyCode", model => model.CurrencyCode = "THB", settings => settings.CurrencyCode, "THB"),
        ("PaymentModeId", "PaymentMode", model => model.PaymentModeId = 1, settings => settings.PaymentMode, LinePayPaymentMode.AuthorizeOnly),
        ("AdditionalFee", "AdditionalFee", model => model.AdditionalFee = 30m, settings => settings.AdditionalFee, 30m),
        ("AdditionalFeePercentage", "AdditionalFeePercentage", model => model.AdditionalFeePercentage = true, settings => settings.AdditionalFeePercentage, true),
        ("CancelUnpaidOrders", "CancelUnpaidOrders", model => model.CancelUnpaidOrders = true, settings => settings.CancelUnpaidOrders, true),
        ("RefundPaymentsOfCancelledOrders", "RefundPaymentsOfCancelledOrders", model => model.RefundPaymentsOfCancelledOrders = false,
            settings => settings.RefundPaymentsOfCancelledOrders, false),
        ("OfferSubscriptions", "OfferSubscriptions", model => model.OfferSubscriptions = true, settings => settings.OfferSubscriptions, true),
        ("ApiBaseAddress", "ApiBaseAddress", model => model.ApiBaseAddress = "http://127.0.0.1:5999/", settings => settings.ApiBaseAddress, "http://127.0.0.1:5999/")
    ];

    private static IEnumerable<TestCaseData> EachSetting() => _settings.Select((setting, index) => new TestCaseData(index).SetName($"Store scope, only {setting.Field} overridden"));

    [SetUp]
    public void CreateStore()
    {
        _store = new NopStore();
        _store.ConfigureLinePay(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
    }

    private PaymentLinePayController Controller(int storeScope)
    {
        _store.StoreContext.Setup(context => context.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(storeScope);
        return new(_store.LocalizationService.Object, _store.NotificationService.Object, _store.Settings.Service.Object,
            _store.StoreContext.Object, _store.ChannelSecrets, new LinePayCredentialsTestService(_store.ClientFactory), _store.Environments);
    }

    // what reaches the action: nopCommerce validates the bound form (FluentValidation) into ModelState first
    private PaymentLinePayController Posting(int storeScope, ConfigurationModel posted)
    {
        var controller = Controller(storeScope);
        foreach (var error in new ConfigurationValidator(_store.LocalizationService.Object).Validate(posted).Errors)
            controller.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        return controller;
    }

    [TestCaseSource(nameof(EachSetting))]
    public async Task SavingOneOverriddenSettingInAStoreKeepsEveryOtherInherited(int index)
    {
        var setting = _settings[index];
        var shared = _store.Settings.Load(0);
        var posted = new ConfigurationModel { ActiveStoreScopeConfiguration = StoreId };
        setting.Post(posted);
        typeof(ConfigurationModel).GetProperty($"{setting.Field}_OverrideForStore")!.SetValue(posted, true);

        var result = await Posting(StoreId, posted).Configure(posted);

        var effective = _store.Settings.Load(StoreId);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.InstanceOf<ViewResult>());
            Assert.That(_store.Notifications.Select(n => n.Kind), Is.EqualTo(new[] { "success" }), string.Join(" ", _store.Notifications));
            Assert.That(setting.Read(effective), Is.EqualTo(setting.Expected));
            Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId == StoreId).Select(key => key.Property), Is.EqualTo(new[] { setting.Setting }),
                "the store stores only what it overrides");
            Assert.That(_store.Settings.Load(0), Is.EqualTo(shared).Using<LinePayPaymentSettings>(SameSettings), "all stores' values are untouched");
            foreach (var other in _settings.Where(other => other.Field != setting.Field))
                Assert.That(other.Read(effective), Is.EqualTo(other.Read(shared)), other.Field);
        });
    }

    [Test]
    public async Task SavingAStoreWithNothingOverriddenRemovesItsOwnValues()
    {
        _store.Settings.Set(StoreId, nameof(LinePayPaymentSettings.CurrencyCode), "USD");
        _store.Settings.Set(StoreId, nameof(LinePayPaymentSettings.UseSandbox), false);

        var posted = new ConfigurationModel { ActiveStoreScopeConfiguration = StoreId };
        await Posting(StoreId, posted).Configure(posted);

        Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId == StoreId), Is.Empty);
        Assert.That(_store.Settings.Load(StoreId).CurrencyCode, Is.EqualTo("TWD"));
    }

    [Test]
    public async Task AnOverriddenValueIsValidatedAndNothingIsSaved()
    {
        var posted = new ConfigurationModel { ActiveStoreScopeConfiguration = StoreId, CurrencyCode = "EUR", CurrencyCode_OverrideForStore = true };
        var controller = Posting(StoreId, posted);

        await controller.Configure(posted);

        Assert.That(controller.ModelState[nameof(ConfigurationModel.CurrencyCode)]?.Errors, Has.Count.EqualTo(1));
        Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId == StoreId), Is.Empty);
    }

    [Test]
    public async Task TheStoresEffectiveValuesAreValidatedNotTheBlankInputsOfInheritedOnes()
    {
        //all stores have no channel ID yet; the store overrides only the sandbox flag
        _store.Settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), null);
        var posted = new ConfigurationModel { ActiveStoreScopeConfiguration = StoreId, UseSandbox = false, UseSandbox_OverrideForStore = true };
        var controller = Posting(StoreId, posted);

        await controller.Configure(posted);

        Assert.Multiple(() =>
        {
            Assert.That(controller.ModelState.Keys.Where(key => controller.ModelState[key]!.Errors.Count > 0), Is.EqualTo(new[] { nameof(ConfigurationModel.ChannelId) }));
            Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId == StoreId), Is.Empty);
        });
    }

    [Test]
    public async Task AllStoresScopePostsAndSavesEveryInput()
    {
        var posted = new ConfigurationModel
        {
            ChannelId = Emulator.ChannelId, UseSandbox = true, ApiVersionId = 3, CurrencyCode = "THB", PaymentModeId = 0,
            AdditionalFee = 5m, RefundPaymentsOfCancelledOrders = true, ApiBaseAddress = Emulator.BaseAddress.ToString()
        };

        await Posting(0, posted).Configure(posted);

        var shared = _store.Settings.Load(0);
        Assert.That((shared.CurrencyCode, shared.AdditionalFee, shared.RefundPaymentsOfCancelledOrders), Is.EqualTo(("THB", 5m, true)));
        Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId != 0), Is.Empty);
    }

    [Test]
    public async Task TestCredentialsInAStoreTriesTheStoresEffectiveSettings()
    {
        //the store inherits the channel and the secret; only the API version is its own
        var posted = new ConfigurationModel { ActiveStoreScopeConfiguration = StoreId, ApiVersionId = 4, ApiVersionId_OverrideForStore = true };

        var result = (ViewResult)await Posting(StoreId, posted).TestCredentials(posted);

        var shown = (ConfigurationModel)result.Model!;
        Assert.Multiple(() =>
        {
            Assert.That(_store.Notifications.Single(), Is.EqualTo(("success", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Works"))));
            Assert.That(Emulator.Journal.Calls.Single().ApiVersion, Is.EqualTo(4));
            Assert.That(shown.ChannelId, Is.EqualTo(Emulator.ChannelId), "the form shows what the store uses");
            Assert.That(shown.ApiVersionId_OverrideForStore, Is.True);
            Assert.That(shown.ChannelSecret, Is.Null);
            Assert.That(_store.Settings.Rows.Keys.Where(key => key.StoreId == StoreId), Is.Empty, "a test saves nothing");
        });
    }

    private static bool SameSettings(LinePayPaymentSettings a, LinePayPaymentSettings b) =>
        typeof(LinePayPaymentSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .All(property => Equals(property.GetValue(a), property.GetValue(b)));
}
