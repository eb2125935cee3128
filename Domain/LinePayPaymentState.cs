namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// Where a LINE Pay payment of an order stands, as far as the store knows. Which event moves it where is written in
/// <see cref="LinePayPaymentStateMachine"/>.
/// </summary>
public enum LinePayPaymentState
{
    /// <summary>
    /// LINE Pay reserved the payment; the customer was sent to approve it. No Confirm was sent.
    /// </summary>
    Requested = 0,

    /// <summary>
    /// Confirm was (or is being) sent and its outcome is not known yet; only Check or Payment Details may move it on
    /// </summary>
    Confirming = 1,

    /// <summary>
    /// LINE Pay holds the captured payment (less any refunds); the order is paid
    /// </summary>
    Paid = 2,

    /// <summary>
    /// LINE Pay holds an authorization (authorize-only mode), to be captured or voided
    /// </summary>
    Authorized = 3,

    /// <summary>
    /// LINE Pay says nothing was paid (refused, cancelled, expired or failed there); the customer may pay again
    /// </summary>
    Failed = 4,

    /// <summary>
    /// The customer cancelled on LINE Pay, or the order was cancelled before anything was paid; nothing was paid
    /// </summary>
    Cancelled = 5,

    /// <summary>
    /// The authorization holds no money any more: voided from the order page or in LINE Pay Merchant Center, or
    /// cancelled by LINE Pay when a capture was declined
    /// </summary>
    Voided = 6,

    /// <summary>
    /// The authorization was not captured before it expired; LINE Pay released the money
    /// </summary>
    AuthorizationExpired = 7,

    /// <summary>
    /// A refund was sent and its outcome is not known yet; no other refund is sent until Payment Details tells
    /// </summary>
    Refunding = 8,

    /// <summary>
    /// Everything LINE Pay held was refunded
    /// </summary>
    Refunded = 9,

    /// <summary>
    /// LINE Pay holds money the order cannot take (amounts that do not add up, a cancelled or deleted order): it is
    /// being given back, after asking Payment Details what is left
    /// </summary>
    ReturnDue = 10,

    /// <summary>
    /// LINE Pay holds money for a cancelled or deleted order and the store does not refund it by itself (setting
    /// "Refund payments of cancelled orders" off, or LINE Pay refused the refund): noted on the order and logged as an error
    /// </summary>
    HeldForCancelledOrder = 11,

    /// <summary>
    /// LINE Pay never told the outcome within the age limit; the store stopped asking, with one note and one error
    /// </summary>
    GivenUp = 12
}
