using System.Security.Cryptography;
using Nop.Core.Domain.Configuration;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Keeps the channel secret encrypted at rest with the store's encryption key (nopCommerce's IEncryptionService). A
/// stored <see cref="LinePayPaymentSettings.ChannelSecret"/> (all stores and each store's own) is
/// <see cref="LinePayDefaults.EncryptedSecretPrefix"/> followed by the encrypted text; a stored value without the
/// prefix is plain text, as version 1.00 stored it, and the update step encrypts it.
/// </summary>
public class LinePayChannelSecretService
{
    //the Setting row's name, as nopCommerce makes it from the settings class and property (stored in lower case)
    private static readonly string _settingName = $"{nameof(LinePayPaymentSettings)}.{nameof(LinePayPaymentSettings.ChannelSecret)}";

    protected readonly IEncryptionService _encryptionService;
    protected readonly ILogger _logger;
    protected readonly ISettingService _settingService;

    public LinePayChannelSecretService(IEncryptionService encryptionService,
        ILogger logger,
        ISettingService settingService)
    {
        _encryptionService = encryptionService;
        _logger = logger;
        _settingService = settingService;
    }

    /// <summary>
    /// Gets a value indicating whether a stored secret is encrypted (rather than plain text)
    /// </summary>
    public static bool IsEncrypted(string storedSecret) =>
        storedSecret?.StartsWith(LinePayDefaults.EncryptedSecretPrefix, StringComparison.Ordinal) == true;

    /// <summary>
    /// Gets the value to store for a secret the admin entered; empty stays empty
    /// </summary>
    /// <param name="encryptionKey">Key to encrypt with; empty for the store's encryption key</param>
    public virtual string Encrypt(string secret, string encryptionKey = "") =>
        string.IsNullOrEmpty(secret) ? secret : LinePayDefaults.EncryptedSecretPrefix + _encryptionService.EncryptText(secret, encryptionKey);

    /// <summary>
    /// Gets the secret a stored value holds: decrypted when it is encrypted, as stored when it is plain text
    /// </summary>
    /// <param name="encryptionKey">Key to decrypt with; empty for the store's encryption key</param>
    /// <exception cref="ArgumentException">The value cannot be decrypted with the key (the store's encryption key changed since it was stored)</exception>
    public virtual string Decrypt(string storedSecret, string encryptionKey = "")
    {
        if (!IsEncrypted(storedSecret))
            return storedSecret;

        try
        {
            return _encryptionService.DecryptText(storedSecret[LinePayDefaults.EncryptedSecretPrefix.Length..], encryptionKey);
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            //neither the stored value nor the failure's details: only that the secret must be entered again
            throw new ArgumentException("The stored LINE Pay channel secret cannot be decrypted with the store's encryption key; enter the channel secret again.");
        }
    }

    /// <summary>
    /// Gets a value indicating whether a stored value is usable: plain text, or encrypted with the store's current key
    /// </summary>
    public virtual bool CanDecrypt(string storedSecret)
    {
        try
        {
            Decrypt(storedSecret);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Encrypts every stored secret that is still plain text, for all stores and each store; encrypted ones are left
    /// as they are, so running it again changes nothing
    /// </summary>
    public virtual async Task EncryptStoredSecretsAsync()
    {
        foreach (var row in await GetStoredSecretsAsync())
        {
            if (IsEncrypted(row.Value))
                continue;

            row.Value = Encrypt(row.Value);
            await _settingService.UpdateSettingAsync(row, clearCache: false);
        }

        await _settingService.ClearCacheAsync();
    }

    /// <summary>
    /// Encrypts every stored secret again with a new encryption key. nopCommerce does this for its own encrypted data
    /// when the admin changes the key, and only tells other plugins.
    /// </summary>
    public virtual async Task EncryptStoredSecretsAgainAsync(string oldEncryptionKey, string newEncryptionKey)
    {
        foreach (var row in await GetStoredSecretsAsync())
        {
            string secret;
            try
            {
                secret = Decrypt(row.Value, oldEncryptionKey);
            }
            catch (ArgumentException)
            {
                await _logger.WarningAsync($"LINE Pay: the channel secret of store {row.StoreId} (0: all stores) could not be decrypted with the previous encryption key, so it was not encrypted with the new one. Enter the channel secret again in the LINE Pay settings.");
                continue;
            }

            row.Value = Encrypt(secret, newEncryptionKey);
            await _settingService.UpdateSettingAsync(row, clearCache: false);
        }

        await _settingService.ClearCacheAsync();
    }

    protected virtual async Task<IList<Setting>> GetStoredSecretsAsync() =>
        (await _settingService.GetAllSettingsAsync())
        .Where(setting => string.Equals(setting.Name, _settingName, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(setting.Value))
        .ToList();
}
