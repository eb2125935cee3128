// Compile-time stand-in for nopCommerce 4.90 (Nop.Core); never shipped.
using Nop.Core.Configuration;

namespace Nop.Core.Domain.Security;

public partial class SecuritySettings : ISettings
{
    public string EncryptionKey { get; set; }
}
