using System.Diagnostics;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Credentials and environment of a <see cref="LinePayClient"/>
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public class LinePayClientOptions
{
    /// <summary>
    /// LINE Pay's sandbox host
    /// </summary>
    public static readonly Uri SandboxAddress = new("https://sandbox-api-pay.line.me");

    /// <summary>
    /// LINE Pay's production host
    /// </summary>
    public static readonly Uri ProductionAddress = new("https://api-pay.line.me");

    /// <summary>
    /// The longest answer read by default, 1 MiB. LINE Pay's longest answers are Payment Details: at most 100 payments
    /// (more is 1177), each well under 1 KB besides its product name (up to 4,000 characters). The plugin asks about
    /// one transaction, or one order's attempts, of which LINE Pay lists only the confirmed ones: a few KB. Only a list
    /// of a hundred payments with very long non-Latin product names would come near the limit.
    /// </summary>
    public const int DefaultMaxResponseSize = 1024 * 1024;

    /// <summary>
    /// Gets or sets the channel ID
    /// </summary>
    public string ChannelId { get; set; }

    /// <summary>
    /// Gets or sets the channel secret key; only used to sign, never sent, logged or shown
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string ChannelSecret { get; set; }

    /// <summary>
    /// Gets or sets the API version (the path prefix /v3 or /v4)
    /// </summary>
    public LinePayApiVersion ApiVersion { get; set; } = LinePayApiVersion.V3;

    /// <summary>
    /// Gets or sets a value indicating whether to call the sandbox instead of production
    /// </summary>
    public bool UseSandbox { get; set; }

    /// <summary>
    /// Gets or sets an address that replaces the sandbox or production host (e.g. a local emulator): https, or http to
    /// this computer only; a path in it prefixes the API paths (see <see cref="LinePayBaseAddress"/>)
    /// </summary>
    public Uri BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the longest answer read, in bytes; a longer one is an error (<see cref="LinePayTransportException"/>) and is not read
    /// </summary>
    public int MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>
    /// Gets or sets the timeouts
    /// </summary>
    public LinePayTimeouts Timeouts { get; set; } = new();

    /// <summary>
    /// Gets the address the client calls
    /// </summary>
    public Uri EffectiveBaseAddress => BaseAddress ?? (UseSandbox ? SandboxAddress : ProductionAddress);

    public override string ToString() =>
        $"LINE Pay channel {ChannelId}, API {ApiVersion}, {EffectiveBaseAddress}, secret {(string.IsNullOrEmpty(ChannelSecret) ? "not set" : "set")}";
}
