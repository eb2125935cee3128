namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// A regKey (LINE Pay's key of a pre-approved payment, e.g. "RK9A2BA1937EQTO") charges the customer without asking
/// them: it is shown, logged and written into errors only masked, e.g. "RK••••••••••QTO"
/// </summary>
public static class LinePayRegKeys
{
    private const int VisibleEnd = 3;

    /// <summary>
    /// Gets the last characters of the key, which stay visible; empty for a key too short to show any
    /// </summary>
    public static string End(string regKey) =>
        regKey is { Length: > 2 * VisibleEnd } ? regKey[^VisibleEnd..] : string.Empty;

    /// <summary>
    /// Gets the key masked but for its last characters
    /// </summary>
    public static string Mask(string regKey) => MaskEnd(End(regKey));

    /// <summary>
    /// Gets a key masked from its last characters
    /// </summary>
    public static string MaskEnd(string end) => $"RK{new string('•', 10)}{end}";

    /// <summary>
    /// Gets an API path with the key in it masked
    /// </summary>
    internal static string MaskIn(string apiPath, string regKey) => apiPath.Replace(Uri.EscapeDataString(regKey), Mask(regKey));
}
