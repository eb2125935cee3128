using Moq;
using Nop.Core;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.ScheduleTasks;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Configuration;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

[TestFixture]
public class InstallationTests
{
    private SettingStore _settings;
    private Mock<ISettingService> _settingService;
    private TestEncryption _encryption;
    private Mock<ILogger> _logger;
    private Mock<ILocalizationService> _localization;
    private List<Language> _languages;
    private Dictionary<int, IDictionary<string, string>> _addedResources;
    private Mock<IScheduleTaskService> _scheduleTaskService;
    private List<ScheduleTask> _tasks;
    private NopStore _store;
    private Nop.Core.Domain.Cms.WidgetSettings _widgetSettings;

    [SetUp]
    public void SetUp()
    {
        _store = new NopStore();
        _widgetSettings = new Nop.Core.Domain.Cms.WidgetSettings { ActiveWidgetSystemNames = ["Widgets.Swiper"] };
        _settings = new SettingStore();
        _settingService = _settings.Service;
        _encryption = new TestEncryption();
        _logger = new Mock<ILogger>();
        _localization = new Mock<ILocalizationService>();
        _addedResources = new Dictionary<int, IDictionary<string, string>>();
        _localization.Setup(l => l.AddOrUpdateLocaleResourceAsync(It.IsAny<IDictionary<string, string>>(), It.IsAny<int?>()))
            .Callback((IDictionary<string, string> resources, int? languageId) => _addedResources[languageId!.Value] = resources)
            .Returns(Task.CompletedTask);
        //the ScheduleTask table: GetTaskByTypeAsync finds a task by its exact type string, as nopCommerce's query does
        _tasks = [];
        _scheduleTaskService = new Mock<IScheduleTaskService>();
        _scheduleTaskService.Setup(s => s.GetTaskByTypeAsync(It.IsAny<string>()))
            .ReturnsAsync((string type) => _tasks.FirstOrDefault(task => task.Type == type));
        _scheduleTaskService.Setup(s => s.InsertTaskAsync(It.IsAny<ScheduleTask>()))
            .Callback((ScheduleTask task) => { task.Id = _tasks.Count + 1; _tasks.Add(task); })
            .Returns(Task.CompletedTask);
        _scheduleTaskService.Setup(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>()))
            .Callback((ScheduleTask task) => _tasks.Remove(task))
            .Returns(Task.CompletedTask);
        _languages = new List<Language>
        {
            new() { Id = 1, Name = "English", LanguageCulture = "en-US" },
            new() { Id = 2, Name = "繁體中文", LanguageCulture = "zh-TW" },
            new() { Id = 3, Name = "ไทย", LanguageCulture = "th-TH" },
            new() { Id = 4, Name = "Deutsch", LanguageCulture = "de-DE" },
            new() { Id = 5, Name = "English (UK)", LanguageCulture = "en-GB" }
        };
    }

    private LinePayPaymentMethod CreateMethod()
    {
        var languageService = new Mock<ILanguageService>();
        languageService.Setup(l => l.GetAllLanguagesAsync(true, 0)).ReturnsAsync(_languages);
        var settings = new LinePayPaymentSettings();
        var channelSecrets = new LinePayChannelSecretService(_encryption.Service.Object, _logger.Object, _settingService.Object);

        return new LinePayPaymentMethod(new Mock<IOrderTotalCalculationService>().Object, null, _localization.Object,
            _scheduleTaskService.Object, _settingService.Object, new Mock<IWebHelper>().Object,
            new LinePayAvailabilityService(new Mock<ICurrencyService>().Object, new Mock<IStoreContext>().Object, channelSecrets, settings),
            //installing never captures, voids or refunds
            null, channelSecrets, null, null,
            new LinePayLocaleResourceService(languageService.Object, _localization.Object),
            _store.OrderPaymentService, null, settings, null, null, _widgetSettings)
        {
            //as nopCommerce sets it: the plugin assembly in the plugin's folder
            PluginDescriptor = new PluginDescriptor
            {
                SystemName = LinePayDefaults.SystemName,
                OriginalAssemblyFile = PluginFiles.InRoot("Nop.Plugin.Payments.LinePay.dll")
            }
        };
    }

    [Test]
    public async Task InstallSavesTheDefaultSettings()
    {
        LinePayPaymentSettings saved = null;
        _settingService.Setup(s => s.SaveSettingAsync(It.IsAny<LinePayPaymentSettings>(), 0))
            .Callback((LinePayPaymentSettings settings, int _) => saved = settings)
            .Returns(Task.CompletedTask);

        await CreateMethod().InstallAsync();

        Assert.That(saved, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(saved.UseSandbox, Is.True);
            Assert.That(saved.ApiVersion, Is.EqualTo(LinePayApiVersion.V3));
            Assert.That(saved.CurrencyCode, Is.EqualTo("TWD"));
            Assert.That(saved.PaymentMode, Is.EqualTo(LinePayPaymentMode.CaptureImmediately));
            Assert.That(saved.AdditionalFee, Is.Zero);
            Assert.That(saved.CancelUnpaidOrders, Is.False);
            Assert.That(saved.RefundPaymentsOfCancelledOrders, Is.True);
            Assert.That(saved.ChannelId, Is.Null);
            Assert.That(saved.ChannelSecret, Is.Null);
            Assert.That(saved.ApiBaseAddress, Is.Null);
        });
    }

    [Test]
    public async Task InstallAddsEachLanguageItsOwnTranslationAndEnglishToTheOthers()
    {
        await CreateMethod().InstallAsync();

        Assert.That(_addedResources.Keys, Is.EquivalentTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.Multiple(() =>
        {
            Assert.That(_addedResources[1], Is.EquivalentTo(PluginFiles.Resources("en-US")));
            Assert.That(_addedResources[2], Is.EquivalentTo(PluginFiles.Resources("zh-TW")));
            Assert.That(_addedResources[3], Is.EquivalentTo(PluginFiles.Resources("th-TH")));
            Assert.That(_addedResources[4], Is.EquivalentTo(PluginFiles.Resources("en-US")));
            Assert.That(_addedResources[5], Is.EquivalentTo(PluginFiles.Resources("en-US")));
            Assert.That(_addedResources[2]["Plugins.Payments.LinePay.Fields.UseSandbox"], Is.EqualTo("使用測試環境"));
        });
    }

    [TestCase("en-US", "en-US")]
    [TestCase("en-GB", "en-US")]
    [TestCase("zh-TW", "zh-TW")]
    [TestCase("zh-Hant-TW", "zh-TW")]
    [TestCase("zh-HK", "zh-TW")]
    [TestCase("zh-CN", "en-US")]
    [TestCase("th-TH", "th-TH")]
    [TestCase("th", "th-TH")]
    [TestCase("ja-JP", "en-US")]
    [TestCase(null, "en-US")]
    public void LanguagesAreServedByTheFileOfTheirCulture(string languageCulture, string fileCulture)
    {
        Assert.That(LinePayLocaleResourceService.GetResourceCulture(languageCulture), Is.EqualTo(fileCulture));
    }

    [Test]
    public async Task UninstallDeletesTheSettingsAndTheResources()
    {
        await CreateMethod().UninstallAsync();

        _settingService.Verify(s => s.DeleteSettingAsync<LinePayPaymentSettings>(), Times.Once);
        _localization.Verify(l => l.DeleteLocaleResourcesAsync("Plugins.Payments.LinePay", null), Times.Once);
    }

    [Test]
    public async Task InstallAddsTheReconciliationTaskAndTheSubscriptionTaskOnce()
    {
        await CreateMethod().InstallAsync();
        //installed again after a failed uninstall, or by a second instance of the web farm
        await CreateMethod().InstallAsync();

        Assert.That(_tasks, Has.Count.EqualTo(2));
        var task = _tasks.Single(t => t.Type == LinePayDefaults.ReconciliationTaskType);
        var subscriptions = _tasks.Single(t => t.Type == LinePayDefaults.SubscriptionTaskType);
        Assert.Multiple(() =>
        {
            Assert.That(subscriptions.Name, Is.EqualTo("LINE Pay: charge due subscriptions"));
            Assert.That(subscriptions.Seconds, Is.EqualTo(3600));
            Assert.That((subscriptions.Enabled, subscriptions.StopOnError), Is.EqualTo((true, false)));
            Assert.That(Type.GetType(subscriptions.Type), Is.EqualTo(typeof(LinePaySubscriptionTask)));
        });
        Assert.Multiple(() =>
        {
            Assert.That(task.Name, Is.EqualTo("LINE Pay: settle unfinished payments"));
            Assert.That(task.Seconds, Is.EqualTo(300));
            Assert.That(task.Enabled, Is.True);
            Assert.That(task.StopOnError, Is.False);
            //nopCommerce's task runner resolves the type with Type.GetType
            Assert.That(Type.GetType(task.Type), Is.EqualTo(typeof(LinePayReconciliationTask)));
            Assert.That(typeof(Nop.Services.ScheduleTasks.IScheduleTask).IsAssignableFrom(Type.GetType(task.Type)), Is.True);
        });
    }

    [Test]
    public async Task UninstallRemovesBothTasks()
    {
        var method = CreateMethod();
        await method.InstallAsync();
        _tasks.Add(new ScheduleTask { Id = 99, Name = "Another plugin's task", Type = "Other.Plugin.Task, Other.Plugin" });

        await method.UninstallAsync();

        Assert.That(_tasks.Select(task => task.Id), Is.EqualTo(new[] { 99 }));
        _scheduleTaskService.Verify(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>()), Times.Exactly(2));
    }

    [Test]
    public async Task UninstallWithoutTheTaskDeletesNothing()
    {
        await CreateMethod().UninstallAsync();

        _scheduleTaskService.Verify(s => s.DeleteTaskAsync(It.IsAny<ScheduleTask>()), Times.Never);
    }

    [Test]
    public async Task UpdateFromAnEarlierVersionAddsTheTaskAndTheResourcesButKeepsTheSettings()
    {
        //a store that installed a version without the task: nopCommerce calls UpdateAsync, never InstallAsync again
        await CreateMethod().UpdateAsync("1.00", "1.01");

        Assert.Multiple(() =>
        {
            Assert.That(_tasks.Select(task => task.Type), Is.EqualTo(new[] { LinePayDefaults.ReconciliationTaskType, LinePayDefaults.SubscriptionTaskType }));
            Assert.That(_addedResources[1]["Plugins.Payments.LinePay.Fields.CancelUnpaidOrders"], Is.Not.Empty);
            Assert.That(_addedResources[2], Is.EquivalentTo(PluginFiles.Resources("zh-TW")));
        });
        _settingService.Verify(s => s.SaveSettingAsync(It.IsAny<LinePayPaymentSettings>(), It.IsAny<int>()), Times.Never);
    }

    [TestCase(false, 1)]
    [TestCase(true, 0)]
    public async Task UpdateTo120TurnsOnRefundsOfCancelledOrdersUnlessTheSettingIsStoredAndClearsTheSettingsCache(bool stored, int saved)
    {
        _settingService.Setup(s => s.SettingExistsAsync(It.IsAny<LinePayPaymentSettings>(),
                It.IsAny<System.Linq.Expressions.Expression<Func<LinePayPaymentSettings, bool>>>(), 0))
            .ReturnsAsync(stored);

        await CreateMethod().UpdateAsync("1.00", "1.20");

        _settingService.Verify(s => s.SaveSettingAsync(It.Is<LinePayPaymentSettings>(settings => settings.RefundPaymentsOfCancelledOrders),
            It.Is<System.Linq.Expressions.Expression<Func<LinePayPaymentSettings, bool>>>(key =>
                key.ToString().Contains(nameof(LinePayPaymentSettings.RefundPaymentsOfCancelledOrders))), 0, true), Times.Exactly(saved));
        Assert.That(_addedResources[1]["Plugins.Payments.LinePay.Fields.RefundPaymentsOfCancelledOrders"], Is.EqualTo("Refund payments of cancelled orders"));
    }

    [TestCase(600, 300)]
    [TestCase(120, 120)]
    public async Task UpdateMovesTheTaskFromTheTenMinutesOf100ToFiveButKeepsAPeriodTheShopOwnerChose(int before, int after)
    {
        _scheduleTaskService.Setup(s => s.UpdateTaskAsync(It.IsAny<ScheduleTask>())).Returns(Task.CompletedTask);
        _tasks.Add(new ScheduleTask { Id = 1, Type = LinePayDefaults.ReconciliationTaskType, Seconds = before, Enabled = true });

        await CreateMethod().UpdateAsync("1.00", "1.20");

        Assert.That(_tasks.Single(task => task.Type == LinePayDefaults.ReconciliationTaskType).Seconds, Is.EqualTo(after));
        _scheduleTaskService.Verify(s => s.UpdateTaskAsync(_tasks[0]), before == after ? Times.Never : Times.Once);
    }

    [Test]
    public async Task UpdateTo120EncryptsThePlainSecretsOfAllStoresAndEachStoreOnce()
    {
        //1.00 stored plain secrets; LINE Pay's secrets are hexadecimal, which also reads as base64
        const string sharedSecret = "0123456789abcdef0123456789abcdef";
        const string storeSecret = "fedcba9876543210fedcba9876543210";
        var secretRow = nameof(LinePayPaymentSettings.ChannelSecret);
        var alreadyEncrypted = "enc:" + _encryption.Encrypt("already-encrypted-secret");
        _settings.Set(0, secretRow, sharedSecret);
        _settings.Set(2, secretRow, storeSecret);
        _settings.Set(3, secretRow, alreadyEncrypted);
        _settings.Set(4, secretRow, "");
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelId), "1234567890");
        _settings.OtherRows.Add(new Nop.Core.Domain.Configuration.Setting("otherpaymentsettings.channelsecret", "someone-elses-secret"));

        await CreateMethod().UpdateAsync("1.00", "1.20");
        var afterFirstUpdate = _settings.Rows.ToDictionary(row => row.Key, row => row.Value);
        //a second start-up, or a second server of a web farm, runs the update again
        await CreateMethod().UpdateAsync("1.00", "1.20");

        Assert.Multiple(() =>
        {
            Assert.That(_settings.Rows, Is.EquivalentTo(afterFirstUpdate), "the second update changed nothing");
            Assert.That((string)_settings.Rows[(0, secretRow)], Does.StartWith("enc:").And.Not.Contain(sharedSecret));
            Assert.That(_encryption.Decrypt(((string)_settings.Rows[(0, secretRow)])[4..]), Is.EqualTo(sharedSecret), "encrypted once");
            Assert.That((string)_settings.Rows[(2, secretRow)], Does.StartWith("enc:").And.Not.Contain(storeSecret));
            Assert.That(_encryption.Decrypt(((string)_settings.Rows[(2, secretRow)])[4..]), Is.EqualTo(storeSecret), "encrypted once");
            Assert.That(_settings.Rows[(3, secretRow)], Is.EqualTo(alreadyEncrypted));
            Assert.That(_settings.Rows[(4, secretRow)], Is.Empty);
            Assert.That(_settings.Rows[(0, nameof(LinePayPaymentSettings.ChannelId))], Is.EqualTo("1234567890"));
            Assert.That(_settings.OtherRows.Single().Value, Is.EqualTo("someone-elses-secret"));
        });
        _settingService.Verify(s => s.UpdateSettingAsync(It.IsAny<Nop.Core.Domain.Configuration.Setting>(), false), Times.Exactly(2));
        _settingService.Verify(s => s.ClearCacheAsync(), Times.AtLeast(2));
        _logger.VerifyNoOtherCalls();
    }

    [Test]
    public async Task InstallAndUpdateMakeTheOrderPanelAnActiveWidgetOnceAndUninstallTakesItAway()
    {
        await CreateMethod().InstallAsync();
        await CreateMethod().UpdateAsync("1.00", "1.20");
        var installed = _widgetSettings.ActiveWidgetSystemNames.ToList();

        await CreateMethod().UninstallAsync();

        Assert.That(installed, Is.EqualTo(new[] { "Widgets.Swiper", LinePayDefaults.SystemName }));
        Assert.That(_widgetSettings.ActiveWidgetSystemNames, Is.EqualTo(new[] { "Widgets.Swiper" }));
        _settingService.Verify(s => s.SaveSettingAsync(_widgetSettings, 0), Times.Exactly(2));
    }

    [Test]
    public async Task UpdateKeepsAnExistingTask()
    {
        await CreateMethod().InstallAsync();
        _tasks.ForEach(task => task.Enabled = false);

        await CreateMethod().UpdateAsync("1.01", "1.02");

        Assert.That(_tasks, Has.Count.EqualTo(2));
        Assert.That(_tasks.Select(task => task.Enabled), Is.All.False, "the store's own choice for the tasks is kept");
    }
}
