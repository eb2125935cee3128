namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// Where a LINE Pay payment of an order stands, as far as the store knows
/// </summary>
public enum LinePayPaymentState
{
    /// <summary>
    /// LINE Pay reserved the payment; the customer was sent to approve it
    /// </summary>
    Requested = 0,

    /// <summary>
    /// Confirm was (or is being) called and its outcome is not known yet; only Check or Payment Details may move it on
    /// </summary>
    Confirming = 1,

    /// <summary>
    /// Confirm captured the payment: the order is paid
    /// </summary>
    Paid = 2,

    /// <summary>
    /// Confirm authorized the payment (authorize-only mode): the order is authorized, to be captured or voided later
    /// </summary>
    Authorized = 3,

    /// <summary>
    /// LINE Pay refused the payment; the order stays pending and may be paid again
    /// </summary>
    Failed = 4,

    /// <summary>
    /// The customer cancelled on LINE Pay, or the reservation expired; the order stays pending and may be paid again
    /// </summary>
    Cancelled = 5,

    /// <summary>
    /// The authorization holds no money any more: voided from the order page, or cancelled by LINE Pay when a capture
    /// was declined
    /// </summary>
    Voided = 6,

    /// <summary>
    /// The authorization was not captured before it expired; LINE Pay released the money
    /// </summary>
    AuthorizationExpired = 7
}
