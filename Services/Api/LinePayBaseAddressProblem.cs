namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Why an address cannot replace LINE Pay's API host
/// </summary>
public enum LinePayBaseAddressProblem
{
    None,

    /// <summary>
    /// Not an absolute http or https address, or one with a user name, query string or fragment, which no call would carry
    /// </summary>
    Invalid,

    /// <summary>
    /// Plain http to a host other than this computer: the channel ID and signatures would cross the network unencrypted
    /// </summary>
    HttpsRequired
}
