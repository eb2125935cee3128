using Nop.Core.Configuration;

namespace Nop.Plugin.Payments.LinePay;

/// <summary>
/// Represents the LINE Pay settings, overridable per store
/// </summary>
public class LinePayPaymentSettings : ISettings
{
    /// <summary>
    /// Gets or sets the channel ID (Merchant Center → Manage Link Key)
    /// </summary>
    public string ChannelId { get; set; }

    /// <summary>
    /// Gets or sets the channel secret key; never logged or rendered back
    /// </summary>
    public string ChannelSecret { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to use LINE Pay's sandbox
    /// </summary>
    public bool UseSandbox { get; set; }
}
