using Moq;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Configuration;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Security;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Configuration;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Data;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

[TestFixture]
public class LinePayChannelSecretServiceTests
{
    //LINE Pay's secrets are 32 hexadecimal digits, which is valid base64 too
    private const string Secret = "0123456789abcdef0123456789abcdef";
    private const string StoreSecret = "fedcba9876543210fedcba9876543210";

    private TestEncryption _encryption;
    private SettingStore _settings;
    private List<(string Level, string Message)> _log;
    private LinePayChannelSecretService _secrets;

    [SetUp]
    public void CreateService()
    {
        _encryption = new TestEncryption();
        _settings = new SettingStore();
        _log = [];
        var logger = new Mock<ILogger>();
        logger.Setup(l => l.WarningAsync(It.IsAny<string>(), It.IsAny<Exception>(), It.IsAny<Customer>()))
            .Callback((string message, Exception _, Customer _) => _log.Add(("warning", message)))
            .Returns(Task.CompletedTask);
        _secrets = new LinePayChannelSecretService(_encryption.Service.Object, logger.Object, _settings.Service.Object);
    }

    // a store without subscriptions
    private LinePaySubscriptionService Subscriptions()
    {
        var rows = new Mock<IRepository<GenericAttribute>>();
        rows.Setup(r => r.Table).Returns(new List<GenericAttribute>().AsQueryable());
        return new LinePaySubscriptionService(null, null, rows.Object, _secrets);
    }

    private string Row(int storeId) => (string)_settings.Rows[(storeId, nameof(LinePayPaymentSettings.ChannelSecret))];

    [Test]
    public void AnEncryptedSecretIsMarkedHidesTheSecretAndDecryptsToIt()
    {
        var stored = _secrets.Encrypt(Secret);

        Assert.That(stored, Does.StartWith("enc:").And.Not.Contain(Secret));
        Assert.That(stored, Is.EqualTo("enc:" + _encryption.Encrypt(Secret)), "nopCommerce's encryption with the store's key");
        Assert.That(LinePayChannelSecretService.IsEncrypted(stored), Is.True);
        Assert.That(_secrets.Decrypt(stored), Is.EqualTo(Secret));
    }

    [TestCase(null)]
    [TestCase("")]
    public void NoSecretStaysNoSecret(string secret)
    {
        Assert.That(_secrets.Encrypt(secret), Is.EqualTo(secret));
        Assert.That(_secrets.Decrypt(secret), Is.EqualTo(secret));
    }

    [Test]
    public void APlainStoredSecretIsReadAsItIsEvenThoughItLooksLikeBase64()
    {
        Assert.That(Convert.FromBase64String(Secret), Is.Not.Empty, "a secret is valid base64");

        Assert.That(LinePayChannelSecretService.IsEncrypted(Secret), Is.False);
        Assert.That(_secrets.Decrypt(Secret), Is.EqualTo(Secret));
    }

    [Test]
    public void ASecretEncryptedWithAnotherKeyIsRefusedWithoutShowingIt()
    {
        var stored = _secrets.Encrypt(Secret);
        _encryption.Key = "2718281828459045";

        var error = Assert.Throws<ArgumentException>(() => _secrets.Decrypt(stored));

        Assert.That(error.Message, Does.Contain("enter the channel secret again"));
        Assert.That(error.Message, Does.Not.Contain(Secret).And.Not.Contain(stored[4..]));
        Assert.That(error.InnerException, Is.Null);
    }

    [Test]
    public void AMarkedValueThatIsNotCipherTextIsRefused()
    {
        Assert.Throws<ArgumentException>(() => _secrets.Decrypt("enc:not base64!"));
    }

    [Test]
    public async Task ANewEncryptionKeyEncryptsEveryStoredSecretAgain()
    {
        const string oldKey = "3141592653589793";
        const string newKey = "2718281828459045";
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(Secret, oldKey));
        _settings.Set(2, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(StoreSecret, oldKey));
        //plain, as stored by an earlier version
        _settings.Set(3, nameof(LinePayPaymentSettings.ChannelSecret), StoreSecret);

        await new LinePayEncryptionKeyChangedConsumer(_secrets, Subscriptions())
            .HandleEventAsync(new SecuritySettingsChangedEvent(new SecuritySettings { EncryptionKey = newKey }, oldKey));

        Assert.Multiple(() =>
        {
            Assert.That(_secrets.Decrypt(Row(0), newKey), Is.EqualTo(Secret));
            Assert.That(_secrets.Decrypt(Row(2), newKey), Is.EqualTo(StoreSecret));
            Assert.That(_secrets.Decrypt(Row(3), newKey), Is.EqualTo(StoreSecret));
            Assert.That(Row(3), Does.StartWith("enc:"));
            Assert.Throws<ArgumentException>(() => _secrets.Decrypt(Row(0), oldKey));
        });
        _settings.Service.Verify(s => s.ClearCacheAsync(), Times.Once);
        Assert.That(_log, Is.Empty);
    }

    [Test]
    public async Task ASecretTheOldKeyCannotDecryptIsLeftAndReportedWithoutItsValue()
    {
        const string oldKey = "3141592653589793";
        const string newKey = "2718281828459045";
        var unreadable = _secrets.Encrypt(Secret, "1414213562373095");
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), unreadable);
        _settings.Set(2, nameof(LinePayPaymentSettings.ChannelSecret), _secrets.Encrypt(StoreSecret, oldKey));

        await _secrets.EncryptStoredSecretsAgainAsync(oldKey, newKey);

        Assert.That(Row(0), Is.EqualTo(unreadable));
        Assert.That(_secrets.Decrypt(Row(2), newKey), Is.EqualTo(StoreSecret));
        Assert.That(_log.Single().Message, Does.Contain("store 0").And.Contain("Enter the channel secret again"));
        Assert.That(_log.Single().Message, Does.Not.Contain(Secret).And.Not.Contain(unreadable));
    }

    [Test]
    public async Task AnUnchangedKeyChangesNothing()
    {
        var stored = _secrets.Encrypt(Secret);
        _settings.Set(0, nameof(LinePayPaymentSettings.ChannelSecret), stored);

        await new LinePayEncryptionKeyChangedConsumer(_secrets, Subscriptions())
            .HandleEventAsync(new SecuritySettingsChangedEvent(new SecuritySettings { EncryptionKey = _encryption.Key }, _encryption.Key));

        Assert.That(Row(0), Is.EqualTo(stored));
        _settings.Service.Verify(s => s.UpdateSettingAsync(It.IsAny<Setting>(), It.IsAny<bool>()), Times.Never);
    }
}
