using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Moq;
using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Core.Domain.Stores;
using Nop.Plugin.Payments.LinePay.Components;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Orders;
using Nop.Services.ScheduleTasks;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

[TestFixture]
public class LinePayPaymentMethodTests
{
    private Mock<IOrderTotalCalculationService> _orderTotals;
    private Mock<ILocalizationService> _localization;
    private Mock<ICurrencyService> _currencyService;
    private LinePayPaymentSettings _settings;
    private NopStore _store;

    [SetUp]
    public void SetUp()
    {
        _orderTotals = new Mock<IOrderTotalCalculationService>();
        _localization = new Mock<ILocalizationService>();
        _currencyService = new Mock<ICurrencyService>();
        _currencyService.Setup(c => c.GetAllCurrenciesAsync(true, 1))
            .ReturnsAsync(new List<Currency> { new() { CurrencyCode = "TWD", Rate = 1m } });
        _settings = new LinePayPaymentSettings { ChannelId = "1234567890", ChannelSecret = "secret", CurrencyCode = "TWD" };
        _store = new NopStore();
    }

    private LinePayPaymentMethod CreateMethod()
    {
        var storeContext = new Mock<IStoreContext>();
        storeContext.Setup(c => c.GetCurrentStoreAsync()).ReturnsAsync(new Store { Id = 1 });
        var webHelper = new Mock<IWebHelper>();
        webHelper.Setup(w => w.GetStoreLocation(null)).Returns("https://shop.example/");
        var languages = new Mock<ILanguageService>();

        return new LinePayPaymentMethod(_orderTotals.Object, _store.ShoppingCartService.Object, _localization.Object, new Mock<IScheduleTaskService>().Object,
            new Mock<ISettingService>().Object,
            webHelper.Object,
            new LinePayAvailabilityService(_currencyService.Object, storeContext.Object, _store.ChannelSecrets, _settings),
            new LinePayCheckout(_store).Captures,
            _store.ChannelSecrets,
            new LinePayCheckout(_store).Refunds,
            new LinePayCheckout(_store).Voids,
            new LinePayLocaleResourceService(languages.Object, _localization.Object),
            _store.OrderPaymentService, null, _settings, new LinePayCheckout(_store).SubscriptionCharges, new LinePayCheckout(_store).SubscriptionKeys,
            new Nop.Core.Domain.Cms.WidgetSettings());
    }

    [Test]
    public void IsARedirectionMethodWithPaymentInfoWhoseRecurringPaymentsTheStoreStarts()
    {
        var method = CreateMethod();

        Assert.Multiple(() =>
        {
            Assert.That(method.PaymentMethodType, Is.EqualTo(PaymentMethodType.Redirection));
            Assert.That(method.RecurringPaymentType, Is.EqualTo(RecurringPaymentType.Manual));
            Assert.That(method.SkipPaymentInfo, Is.False);
            Assert.That(method.SupportRefund, Is.True);
            Assert.That(method.SupportPartiallyRefund, Is.True);
        });
    }

    [TestCase(LinePayPaymentMode.CaptureImmediately)]
    [TestCase(LinePayPaymentMode.AuthorizeOnly)]
    public void CapturesAndVoidsInEitherModeForOrdersAuthorizedBeforeTheModeChanged(LinePayPaymentMode mode)
    {
        _settings.PaymentMode = mode;
        var method = CreateMethod();

        Assert.That((method.SupportCapture, method.SupportVoid), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task CaptureVoidAndRefundAreHandedToTheirServices()
    {
        var method = CreateMethod();
        var order = _store.PlaceOrder(100m);
        var noPayment = NopStore.English("Plugins.Payments.LinePay.AfterSale.NoPayment");

        Assert.That((await method.CaptureAsync(new CapturePaymentRequest { Order = order })).Errors, Is.EqualTo(new[] { noPayment }));
        Assert.That((await method.VoidAsync(new VoidPaymentRequest { Order = order })).Errors, Is.EqualTo(new[] { noPayment }));
        Assert.That((await method.RefundAsync(new RefundPaymentRequest { Order = order, AmountToRefund = 100m })).Errors,
            Is.EqualTo(new[] { noPayment }));
        Assert.That(noPayment, Does.Not.StartWith("Plugins."));
    }

    [Test]
    public async Task ProcessPaymentLeavesTheOrderPending()
    {
        var result = await CreateMethod().ProcessPaymentAsync(new ProcessPaymentRequest { OrderTotal = 100m });

        Assert.That(result.Success, Is.True);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
    }

    [Test]
    public async Task TheFirstOrderOfARecurringCartIsPlacedPendingForLinePaysCheckout()
    {
        var result = await CreateMethod().ProcessRecurringPaymentAsync(new ProcessPaymentRequest { OrderTotal = 100m });

        Assert.That(result.Success, Is.True);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        Assert.That(result.SubscriptionTransactionId, Is.Null);
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public async Task ARecurringCartSeesLinePayOnlyWhenTheStoreOffersSubscriptions(bool offerSubscriptions, bool hidden)
    {
        _settings.OfferSubscriptions = offerSubscriptions;
        _store.CartIsRecurring = true;

        Assert.That(await CreateMethod().HidePaymentMethodAsync(new List<ShoppingCartItem> { new() }), Is.EqualTo(hidden));
    }

    [Test]
    public async Task AnOrdinaryCartSeesLinePayWhetherOrNotTheStoreOffersSubscriptions()
    {
        _settings.OfferSubscriptions = false;
        _store.CartIsRecurring = false;

        Assert.That(await CreateMethod().HidePaymentMethodAsync(new List<ShoppingCartItem> { new() }), Is.False);
    }

    [Test]
    public async Task ShownWhenTheStoreIsConfigured()
    {
        Assert.That(await CreateMethod().HidePaymentMethodAsync(new List<ShoppingCartItem>()), Is.False);
    }

    [Test]
    public async Task HiddenWhenTheStoreIsNotConfigured()
    {
        _settings.ChannelSecret = null;

        Assert.That(await CreateMethod().HidePaymentMethodAsync(new List<ShoppingCartItem>()), Is.True);
    }

    [TestCase(12.5, false)]
    [TestCase(3, true)]
    public async Task AdditionalFeeIsCalculatedByNopCommerceFromTheSettings(decimal fee, bool percentage)
    {
        var cart = new List<ShoppingCartItem> { new() { Id = 7 } };
        _settings.AdditionalFee = fee;
        _settings.AdditionalFeePercentage = percentage;
        _orderTotals.Setup(o => o.CalculatePaymentAdditionalFeeAsync(cart, fee, percentage)).ReturnsAsync(4.2m);

        Assert.That(await CreateMethod().GetAdditionalHandlingFeeAsync(cart), Is.EqualTo(4.2m));
    }

    [Test]
    public async Task DescriptionIsTheLocalizedResource()
    {
        _localization.Setup(l => l.GetResourceAsync("Plugins.Payments.LinePay.PaymentMethodDescription")).ReturnsAsync("Pay with LINE Pay");

        Assert.That(await CreateMethod().GetPaymentMethodDescriptionAsync(), Is.EqualTo("Pay with LINE Pay"));
    }

    [Test]
    public async Task PaymentFormHasNothingToValidateOrCollect()
    {
        var method = CreateMethod();
        var form = new FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>());

        Assert.That(await method.ValidatePaymentFormAsync(form), Is.Empty);
        Assert.That(await method.GetPaymentInfoAsync(form), Is.Not.Null);
    }

    [Test]
    public async Task RetryIsOfferedOnlyOnceTheOrderIsAFewSecondsOld()
    {
        var method = CreateMethod();

        Assert.That(await method.CanRePostProcessPaymentAsync(new Order { CreatedOnUtc = DateTime.UtcNow }), Is.False);
        Assert.That(await method.CanRePostProcessPaymentAsync(new Order { CreatedOnUtc = DateTime.UtcNow.AddMinutes(-1) }), Is.True);
        Assert.ThrowsAsync<ArgumentNullException>(() => method.CanRePostProcessPaymentAsync(null));
    }

    [Test]
    public void ConfigurationPageIsTheAdminRouteOfThisStore()
    {
        Assert.That(CreateMethod().GetConfigurationPageUrl(), Is.EqualTo("https://shop.example/Admin/PaymentLinePay/Configure"));
    }

    [Test]
    public void PaymentInfoStepRendersThePluginsView()
    {
        var componentType = CreateMethod().GetPublicViewComponent();
        Assert.That(componentType, Is.EqualTo(typeof(LinePayPaymentInfoViewComponent)));

        var result = new LinePayPaymentInfoViewComponent().Invoke();

        Assert.That(result, Is.InstanceOf<ViewViewComponentResult>());
        var viewName = ((ViewViewComponentResult)result).ViewName;
        Assert.That(viewName, Is.EqualTo("~/Plugins/Payments.LinePay/Views/PaymentInfo.cshtml"));
        Assert.That(File.Exists(PluginFiles.InRoot(viewName[$"~/Plugins/{LinePayDefaults.SystemName}/".Length..])), Is.True);
    }
}
