namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// The payStatus values of Payment Details: where LINE Pay says a confirmed payment's money is
/// </summary>
public static class LinePayPayStatus
{
    /// <summary>
    /// Authorized (capture=false), not captured yet
    /// </summary>
    public const string Authorization = "AUTHORIZATION";

    /// <summary>
    /// Captured (refunds, if any, are in refundList)
    /// </summary>
    public const string Capture = "CAPTURE";

    /// <summary>
    /// The authorization was voided
    /// </summary>
    public const string VoidedAuthorization = "VOIDED_AUTHORIZATION";

    /// <summary>
    /// The authorization expired uncaptured
    /// </summary>
    public const string ExpiredAuthorization = "EXPIRED_AUTHORIZATION";
}
