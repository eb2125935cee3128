using LinePay.Emulator.Api;
using Microsoft.Extensions.Logging;
using Moq;
using Nop.Core.Domain.Security;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

/// <summary>
/// The secret the admin types is stored encrypted with the store's key and decrypted only to sign LINE Pay's calls
/// </summary>
[TestFixture]
public class ChannelSecretEncryptionTests : EmulatorTest
{
    private const int OtherStoreId = 2;
    private const string WrongSecret = "00000000000000000000000000000000";

    private NopStore _store = null!;
    private ListLogger<LinePayClient> _clientLog = null!;
    private TestLinePayClientFactory _clientFactory = null!;

    [SetUp]
    public void CreateStoreWithoutASecret()
    {
        _store = new NopStore();
        _store.ConfigureLinePay(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
        _store.Settings.Rows.Remove((0, nameof(LinePayPaymentSettings.ChannelSecret)));
        _clientLog = new ListLogger<LinePayClient>();
        var loggerFactory = new Mock<ILoggerFactory>();
        loggerFactory.Setup(f => f.CreateLogger(It.IsAny<string>())).Returns(_clientLog);
        _clientFactory = new TestLinePayClientFactory(_store.HttpClientFactory.Object, _store.Settings.Service.Object, _store.ChannelSecrets,
            loggerFactory.Object);
    }

    private PaymentLinePayController Controller(int storeScope)
    {
        _store.StoreContext.Setup(c => c.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(storeScope);
        return new PaymentLinePayController(_store.LocalizationService.Object, _store.NotificationService.Object, _store.Settings.Service.Object,
            _store.StoreContext.Object, _store.ChannelSecrets, new LinePayCredentialsTestService(_clientFactory), _store.Environments);
    }

    private ConfigurationModel Posted(int storeScope, string secret) => new()
    {
        ActiveStoreScopeConfiguration = storeScope,
        ChannelId = Emulator.ChannelId,
        ChannelSecret = secret,
        ChannelSecret_OverrideForStore = storeScope > 0,
        UseSandbox = true,
        ApiVersionId = (int)LinePayApiVersion.V3,
        CurrencyCode = "TWD",
        PaymentModeId = (int)LinePayPaymentMode.CaptureImmediately,
        ApiBaseAddress = Emulator.BaseAddress.ToString()
    };

    private string StoredSecret(int storeId) => (string)_store.Settings.Rows[(storeId, nameof(LinePayPaymentSettings.ChannelSecret))];

    /// <summary>Asks Payment Details about an orderId LINE Pay cannot know: 1150 once the signature is accepted</summary>
    private async Task<string> SignedCallAnswerAsync(int storeId)
    {
        try
        {
            await (await _clientFactory.CreateClientAsync(storeId)).GetPaymentDetailsAsync(orderIds: [$"no-such-order-{Guid.NewGuid():N}"]);
        }
        catch (LinePayApiException exception)
        {
            return exception.ReturnCode;
        }

        return Emulator.Journal.For(LinePayEndpoint.Details).Last().ReturnCode;
    }

    private void AssertNowhereButEncrypted(params string[] secrets)
    {
        var written = _clientLog.Messages
            .Concat(_store.Log.Select(entry => entry.Message))
            .Concat(_store.Notifications.Select(notification => notification.Text))
            .ToList();
        foreach (var secret in secrets)
            Assert.That(written, Has.None.Contains(secret));
        Assert.That(written, Has.None.Contains(LinePayDefaults.EncryptedSecretPrefix));
    }

    [Test]
    public async Task ASecretSavedFromTheFormIsStoredEncryptedAndSignsTheStoresCalls()
    {
        await Controller(0).Configure(Posted(0, Emulator.ChannelSecret));

        Assert.That(StoredSecret(0), Does.StartWith("enc:").And.Not.Contain(Emulator.ChannelSecret));
        Assert.That(await SignedCallAnswerAsync(NopStore.StoreId), Is.EqualTo("1150"), "signed with the decrypted secret (a wrong one is 1106)");
        AssertNowhereButEncrypted(Emulator.ChannelSecret, StoredSecret(0)[4..]);
    }

    [Test]
    public async Task AStoresOwnSecretIsStoredEncryptedInTheStoresRowAndSignsOnlyThatStoresCalls()
    {
        await Controller(0).Configure(Posted(0, WrongSecret));

        await Controller(OtherStoreId).Configure(Posted(OtherStoreId, Emulator.ChannelSecret));

        Assert.That(StoredSecret(OtherStoreId), Does.StartWith("enc:").And.Not.Contain(Emulator.ChannelSecret));
        Assert.That(StoredSecret(0), Does.StartWith("enc:").And.Not.Contain(WrongSecret));
        Assert.That(await SignedCallAnswerAsync(OtherStoreId), Is.EqualTo("1150"));
        Assert.That(await SignedCallAnswerAsync(NopStore.StoreId), Is.EqualTo("1106"), "the other stores sign with the all-stores secret");
    }

    [Test]
    public async Task TestCredentialsTriesATypedSecretAndStoresNothing()
    {
        await Controller(0).TestCredentials(Posted(0, Emulator.ChannelSecret));

        Assert.That(_store.Notifications.Single(), Is.EqualTo(("success", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Works"))));
        Assert.That(_store.Settings.Rows.ContainsKey((0, nameof(LinePayPaymentSettings.ChannelSecret))), Is.False);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Details).Single().ReturnCode, Is.EqualTo("1150"));
        AssertNowhereButEncrypted(Emulator.ChannelSecret);
    }

    [Test]
    public async Task ASecretTheStoresKeyNoLongerDecryptsIsReportedAsMissingAndNothingIsSent()
    {
        await Controller(0).Configure(Posted(0, Emulator.ChannelSecret));
        var stored = StoredSecret(0);
        //the key changed without telling the plugin (e.g. in the database)
        _store.Encryption.Key = "2718281828459045";

        await Controller(0).TestCredentials(Posted(0, secret: ""));
        var error = Assert.ThrowsAsync<ArgumentException>(() => _clientFactory.CreateClientAsync(NopStore.StoreId));

        Assert.That(_store.Notifications.Last(), Is.EqualTo(("error", NopStore.English("Plugins.Payments.LinePay.TestCredentials.Incomplete"))));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
        Assert.That(error.Message, Does.Not.Contain(Emulator.ChannelSecret).And.Not.Contain(stored[4..]));
        AssertNowhereButEncrypted(Emulator.ChannelSecret, stored[4..]);
    }

    [Test]
    public async Task TheSecretKeepsWorkingAfterTheAdminChangesTheEncryptionKey()
    {
        await Controller(0).Configure(Posted(0, Emulator.ChannelSecret));
        var oldKey = _store.Encryption.Key;
        const string newKey = "2718281828459045";

        //nopCommerce saves the new key, then publishes the change
        _store.Encryption.Key = newKey;
        await new LinePayEncryptionKeyChangedConsumer(_store.ChannelSecrets, new LinePayCheckout(_store).Subscriptions)
            .HandleEventAsync(new SecuritySettingsChangedEvent(new SecuritySettings { EncryptionKey = newKey }, oldKey));

        Assert.That(await SignedCallAnswerAsync(NopStore.StoreId), Is.EqualTo("1150"));
    }
}
