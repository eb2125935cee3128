// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Security;

public partial interface IEncryptionService
{
    string CreateSaltKey(int size);

    string CreatePasswordHash(string password, string saltKey, string passwordFormat);

    string EncryptText(string plainText, string encryptionPrivateKey = "");

    string DecryptText(string cipherText, string encryptionPrivateKey = "");
}
