namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// State of a payment request as reported by Check Payment Request Status
/// </summary>
public enum PaymentRequestStatus
{
    /// <summary>
    /// 0000: reserved, the customer has not finished authentication yet
    /// </summary>
    Reserved,

    /// <summary>
    /// 0110: the customer authenticated; Confirm can be called
    /// </summary>
    Authenticated,

    /// <summary>
    /// 0121: cancelled by the customer, or the wait for authentication expired (final)
    /// </summary>
    CancelledOrExpired,

    /// <summary>
    /// 0122: the payment failed (final)
    /// </summary>
    Failed,

    /// <summary>
    /// 0123: the payment is completed (final)
    /// </summary>
    Completed
}
