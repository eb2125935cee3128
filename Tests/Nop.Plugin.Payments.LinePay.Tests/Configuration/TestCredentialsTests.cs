using System.Net;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

[TestFixture]
public class TestCredentialsTests : EmulatorTest
{
    private NopStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _store = new NopStore();
        _store.ConfigureLinePay(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
        _store.ClientFactory.Timeouts = new LinePayTimeouts { PaymentDetails = TimeSpan.FromSeconds(2), Connect = TimeSpan.FromSeconds(2) };
    }

    private PaymentLinePayController Controller() =>
        new(_store.LocalizationService.Object, _store.NotificationService.Object, _store.Settings.Service.Object,
            _store.StoreContext.Object, _store.ChannelSecrets, new LinePayCredentialsTestService(_store.ClientFactory), _store.Environments);

    private ConfigurationModel Posted(string secret, string baseAddress = null) => new()
    {
        ChannelId = Emulator.ChannelId,
        ChannelSecret = secret,
        UseSandbox = true,
        ApiVersionId = (int)LinePayApiVersion.V3,
        CurrencyCode = "TWD",
        ApiBaseAddress = baseAddress ?? Emulator.BaseAddress.ToString()
    };

    private async Task<(ConfigurationModel Model, (string Kind, string Text) Notification)> TestAsync(ConfigurationModel posted)
    {
        var result = (ViewResult)await Controller().TestCredentials(posted);
        return ((ConfigurationModel)result.Model, _store.Notifications.Single());
    }

    [Test]
    public async Task TheStoredSecretIsUsedWhenTheFieldIsBlankAndWorks()
    {
        var (model, notification) = await TestAsync(Posted(secret: ""));

        Assert.That(notification, Is.EqualTo(("success", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Works"))));
        Assert.That(model.ChannelSecret, Is.Null);
        Assert.That(model.ChannelSecretStored, Is.True);
        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Details), Is.EqualTo(1));
    }

    [Test]
    public async Task ASuccessfulTestLeavesNoWarningInTheLog()
    {
        var clientLog = new ListLogger<LinePayClient>();
        var loggerFactory = new Mock<ILoggerFactory>();
        loggerFactory.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(clientLog);
        var clientFactory = new TestLinePayClientFactory(_store.HttpClientFactory.Object, _store.Settings.Service.Object, _store.ChannelSecrets,
            loggerFactory.Object);
        var controller = new PaymentLinePayController(_store.LocalizationService.Object, _store.NotificationService.Object,
            _store.Settings.Service.Object, _store.StoreContext.Object, _store.ChannelSecrets, new LinePayCredentialsTestService(clientFactory), _store.Environments);

        await controller.TestCredentials(Posted(secret: ""));

        Assert.That(_store.Notifications.Single().Kind, Is.EqualTo("success"));
        //LINE Pay knows no such orderId: 1150, which the client reads as an empty list
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Details).Single().ReturnCode, Is.EqualTo("1150"));
        Assert.That(clientLog.Entries.Single().Level, Is.EqualTo(LogLevel.Information));
        Assert.That(clientLog.Entries.Single().Message, Does.Contain("1150"));
        Assert.That(_store.Log, Is.Empty);
    }

    [Test]
    public async Task AWrongSecretIsExplainedAsA1106AndNeverEchoed()
    {
        const string wrong = "wrong-secret-typed-by-the-admin";

        var (model, notification) = await TestAsync(Posted(wrong));

        Assert.That(notification, Is.EqualTo(("error", NopStore.English("Plugins.Payments.LinePay.TestCredentials.SignatureError"))));
        Assert.That(model.ChannelSecret, Is.Null);
        Assert.That(notification.Text, Does.Not.Contain(wrong).And.Not.Contain(Emulator.ChannelSecret));
        Assert.That(_store.ChannelSecrets.Decrypt(_store.Settings.Load(0).ChannelSecret), Is.EqualTo(Emulator.ChannelSecret), "nothing saved");
    }

    [Test]
    public async Task AnUnreachableApiIsExplained()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (_, notification) = await TestAsync(Posted("", $"http://127.0.0.1:{port}/"));

        Assert.That(notification, Is.EqualTo(("error", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Unreachable"))));
    }

    [Test]
    public async Task AnUnknownMerchantIsExplainedAsA1104()
    {
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Answer("1104"));

        var (_, notification) = await TestAsync(Posted(""));

        Assert.That(notification, Is.EqualTo(("error", NopStore.English("Plugins.Payments.LinePay.TestCredentials.MerchantNotFound"))));
    }

    [Test]
    public async Task AnyOtherCodeIsNamed()
    {
        Emulator.Faults.Next(LinePayEndpoint.Details, Fault.Answer("9000"));

        var (_, notification) = await TestAsync(Posted(""));

        Assert.That(notification.Text, Is.EqualTo(string.Format(NopStore.English("Plugins.Payments.LinePay.TestCredentials.OtherCode"), "9000")));
    }

    [Test]
    public async Task MissingCredentialsAreNotSent()
    {
        _store.Settings.Rows.Remove((0, nameof(LinePayPaymentSettings.ChannelSecret)));

        var (_, notification) = await TestAsync(Posted(""));

        Assert.That(notification, Is.EqualTo(("error", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Incomplete"))));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }
}
