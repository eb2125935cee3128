// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
namespace Nop.Core.Domain.Security;

public partial class SecuritySettingsChangedEvent
{
    public SecuritySettingsChangedEvent(SecuritySettings securitySettings, string oldEncryptionPrivateKey)
    {
        SecuritySettings = securitySettings;
        OldEncryptionPrivateKey = oldEncryptionPrivateKey;
    }

    public SecuritySettings SecuritySettings { get; set; }

    public string OldEncryptionPrivateKey { get; set; }
}
