namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// What a LINE Pay return code tells the caller to do
/// </summary>
public enum LinePayReturnCodeClass
{
    /// <summary>
    /// 0000: the call succeeded
    /// </summary>
    Success,

    /// <summary>
    /// 0110, 0121, 0122, 0123: a state reported by Check Payment Request Status, not an error
    /// </summary>
    Status,

    /// <summary>
    /// The request or the merchant's configuration is wrong; sending it again unchanged fails again
    /// </summary>
    CallerError,

    /// <summary>
    /// The outcome is unknown (duplicate, in progress, internal error); read the state with Check or Payment Details before any retry
    /// </summary>
    Ambiguous,

    /// <summary>
    /// A temporary error LINE Pay documents as safe to retry later with the same request (190X, 1999)
    /// </summary>
    Retryable,

    /// <summary>
    /// A business decline or a final state (card declined, expired, already refunded); do not retry
    /// </summary>
    Final
}
