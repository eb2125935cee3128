namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What a test of the channel ID and secret showed
/// </summary>
public enum LinePayCredentialsTestResult
{
    /// <summary>
    /// LINE Pay accepted the signed call: the channel ID and secret work
    /// </summary>
    Works,

    /// <summary>
    /// The channel ID or secret is missing, or the API base address is not valid: nothing was sent
    /// </summary>
    Incomplete,

    /// <summary>
    /// 1104: LINE Pay does not know the merchant (wrong channel ID, or sandbox credentials on production and vice versa)
    /// </summary>
    MerchantNotFound,

    /// <summary>
    /// 1106: header or signature error (wrong channel secret)
    /// </summary>
    SignatureError,

    /// <summary>
    /// LINE Pay answered another code
    /// </summary>
    OtherCode,

    /// <summary>
    /// LINE Pay could not be reached or did not answer in time
    /// </summary>
    Unreachable
}
