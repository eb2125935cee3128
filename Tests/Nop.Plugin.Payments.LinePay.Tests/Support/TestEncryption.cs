using System.Security.Cryptography;
using System.Text;
using Moq;
using Nop.Services.Security;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// An IEncryptionService mock that really transforms, with nopCommerce's rules: empty text stays empty, the cipher text
/// is base64, an empty key means the store's key (<see cref="Key"/>), text that is not base64 raises FormatException and
/// a wrong key CryptographicException. The cipher text is the key and the reversed text, so a plain secret never
/// passes for a decrypted one.
/// </summary>
public class TestEncryption
{
    public TestEncryption()
    {
        Service.Setup(s => s.EncryptText(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string plainText, string key) => Encrypt(plainText, key));
        Service.Setup(s => s.DecryptText(It.IsAny<string>(), It.IsAny<string>()))
            .Returns((string cipherText, string key) => Decrypt(cipherText, key));
    }

    /// <summary>The store's encryption key</summary>
    public string Key { get; set; } = "3141592653589793";

    public Mock<IEncryptionService> Service { get; } = new();

    public string Encrypt(string plainText, string key = "")
    {
        if (string.IsNullOrEmpty(plainText))
            return plainText;

        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{KeyOrStoreKey(key)}|{new string(plainText.Reverse().ToArray())}"));
    }

    public string Decrypt(string cipherText, string key = "")
    {
        if (string.IsNullOrEmpty(cipherText))
            return cipherText;

        var text = Encoding.UTF8.GetString(Convert.FromBase64String(cipherText));
        var keyPart = $"{KeyOrStoreKey(key)}|";
        if (!text.StartsWith(keyPart, StringComparison.Ordinal))
            throw new CryptographicException("Padding is invalid and cannot be removed.");

        return new string(text[keyPart.Length..].Reverse().ToArray());
    }

    private string KeyOrStoreKey(string key) => string.IsNullOrEmpty(key) ? Key : key;
}
