namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What came of a return from LINE Pay (or of finishing a payment otherwise)
/// </summary>
public enum LinePayConfirmationOutcome
{
    /// <summary>
    /// The query does not match a LINE Pay payment of this store: nothing was changed
    /// </summary>
    Rejected,

    /// <summary>
    /// The payment was captured and the order marked as paid
    /// </summary>
    Paid,

    /// <summary>
    /// The payment was authorized and the order marked as authorized
    /// </summary>
    Authorized,

    /// <summary>
    /// The payment had already been finished (a refresh or a second click)
    /// </summary>
    AlreadyCompleted,

    /// <summary>
    /// Another request is finishing the payment right now
    /// </summary>
    InProgress,

    /// <summary>
    /// LINE Pay's answer is not known yet (timeout, ambiguous code); the payment stays Confirming until Check or
    /// Payment Details tells
    /// </summary>
    Unknown,

    /// <summary>
    /// LINE Pay refused the payment, or it was cancelled or expired there; the order stays pending
    /// </summary>
    Refused,

    /// <summary>
    /// LINE Pay's confirmation did not match the amount requested; the money is given back and the order stays pending
    /// </summary>
    AmountMismatch,

    /// <summary>
    /// LINE Pay took the payment of an order that was cancelled or deleted meanwhile; the money is given back
    /// </summary>
    OrderCancelled,

    /// <summary>
    /// LINE Pay took the payment of an order that was cancelled or deleted meanwhile; the shop gives it back by hand
    /// (setting "Refund payments of cancelled orders" off)
    /// </summary>
    MoneyHeld,

    /// <summary>
    /// The order can no longer be paid with this transaction (order cancelled, or the attempt ended without payment)
    /// </summary>
    NotPayable,

    /// <summary>
    /// The customer cancelled the payment on LINE Pay; the order stays pending
    /// </summary>
    Cancelled
}
