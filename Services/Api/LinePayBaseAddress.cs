using System.Net;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// An address that replaces LINE Pay's API host, e.g. a local emulator or a proxy in front of one: https, or plain http
/// to this computer (127.0.0.0/8, ::1, localhost). A path in it is kept as a prefix of every API path
/// (http://127.0.0.1:5080/linepay/ → http://127.0.0.1:5080/linepay/v3/payments/request); calls are signed with LINE
/// Pay's own API path (/v3/payments/request), which is what a proxy that strips the prefix passes on.
/// </summary>
public static class LinePayBaseAddress
{
    /// <summary>
    /// Tells what is wrong with an address, if anything
    /// </summary>
    public static LinePayBaseAddressProblem Check(Uri address)
    {
        if (address is null || !address.IsAbsoluteUri
            || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(address.UserInfo) || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
            return LinePayBaseAddressProblem.Invalid;

        if (address.Scheme == Uri.UriSchemeHttp && !IsThisComputer(address))
            return LinePayBaseAddressProblem.HttpsRequired;

        return LinePayBaseAddressProblem.None;
    }

    /// <summary>
    /// Parses an address as entered (surrounding spaces ignored) and tells what is wrong with it, if anything
    /// </summary>
    public static LinePayBaseAddressProblem Parse(string text, out Uri address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
            return LinePayBaseAddressProblem.Invalid;

        var problem = Check(uri);
        if (problem == LinePayBaseAddressProblem.None)
            address = uri;

        return problem;
    }

    /// <summary>
    /// Throws unless the address is usable
    /// </summary>
    /// <exception cref="ArgumentException">The address is not usable; the message says why</exception>
    public static void EnsureUsable(Uri address, string paramName = null)
    {
        var problem = Check(address);
        if (problem != LinePayBaseAddressProblem.None)
            throw new ArgumentException(Describe(problem), paramName);
    }

    /// <summary>
    /// Gets what an address with the problem must be instead (English, for exceptions and logs)
    /// </summary>
    public static string Describe(LinePayBaseAddressProblem problem) => problem switch
    {
        LinePayBaseAddressProblem.Invalid => "The LINE Pay API base address must be an absolute http or https address without user name, query string or fragment.",
        LinePayBaseAddressProblem.HttpsRequired => "The LINE Pay API base address must use https unless it is this computer (127.0.0.0/8, ::1 or localhost).",
        _ => string.Empty
    };

    /// <summary>
    /// Gets the text the API path and query of a call are appended to: the address without its trailing '/'
    /// </summary>
    internal static string Prefix(Uri address) => address.GetLeftPart(UriPartial.Path).TrimEnd('/');

    //by name only "localhost" itself: another name may resolve anywhere
    private static bool IsThisComputer(Uri address) =>
        address.HostNameType == UriHostNameType.Dns
            ? string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip);
}
