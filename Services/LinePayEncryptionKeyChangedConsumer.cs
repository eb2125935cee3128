using Nop.Core.Domain.Security;
using Nop.Services.Events;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Encrypts the stored channel secrets and subscription keys with the store's new encryption key when the admin
/// changes it (Settings → General settings → Security); without this they could no longer be decrypted and LINE Pay
/// would stop working
/// </summary>
public class LinePayEncryptionKeyChangedConsumer : IConsumer<SecuritySettingsChangedEvent>
{
    protected readonly LinePayChannelSecretService _channelSecretService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public LinePayEncryptionKeyChangedConsumer(LinePayChannelSecretService channelSecretService,
        LinePaySubscriptionService subscriptionService)
    {
        _channelSecretService = channelSecretService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Handles changed security settings: nopCommerce publishes this after saving a new encryption key
    /// </summary>
    public async Task HandleEventAsync(SecuritySettingsChangedEvent eventMessage)
    {
        var oldKey = eventMessage?.OldEncryptionPrivateKey;
        var newKey = eventMessage?.SecuritySettings?.EncryptionKey;
        if (string.IsNullOrEmpty(oldKey) || string.IsNullOrEmpty(newKey) || oldKey == newKey)
            return;

        //the keys are passed on: the encryption service of this request still holds the settings it was created with
        await _channelSecretService.EncryptStoredSecretsAgainAsync(oldKey, newKey);
        await _subscriptionService.EncryptStoredKeysAgainAsync(oldKey, newKey);
    }
}
