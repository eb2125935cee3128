namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// What can happen to an order's LINE Pay payment: what the customer, the admin, the store's scheduled task and LINE
/// Pay (its answers, and what Payment Details shows was done in LINE Pay Merchant Center) do to it
/// </summary>
public enum LinePayPaymentEvent
{
    /// <summary>Confirm is about to be sent (the record says so before the call)</summary>
    ConfirmSent,

    /// <summary>LINE Pay holds the captured payment and the order takes it (Confirm, Check, Payment Details, Capture)</summary>
    Captured,

    /// <summary>LINE Pay holds the authorization and the order takes it</summary>
    Authorized,

    /// <summary>LINE Pay says nothing was paid: Check answers cancelled, expired or failed</summary>
    NotPaid,

    /// <summary>The customer's cancel return, and LINE Pay agrees nothing was paid</summary>
    CustomerCancelled,

    /// <summary>A new attempt replaces a reservation the customer never approved</summary>
    Superseded,

    /// <summary>The order was cancelled or deleted and LINE Pay holds nothing for it</summary>
    OrderCancelled,

    /// <summary>LINE Pay holds money the order cannot take, and the store gives it back</summary>
    MoneyToReturn,

    /// <summary>LINE Pay holds money for a cancelled or deleted order, and the store does not give it back by itself</summary>
    MoneyHeld,

    /// <summary>The admin asks for a capture (the answer comes as Captured, Voided or AuthorizationExpired)</summary>
    CaptureRequested,

    /// <summary>The admin asks for a void (the answer comes as Voided)</summary>
    VoidRequested,

    /// <summary>A refund is about to be sent (the record says so before the call)</summary>
    RefundSent,

    /// <summary>LINE Pay refused the refund that was sent; nothing was refunded</summary>
    RefundRefused,

    /// <summary>LINE Pay made a refund (sent by the store or done in Merchant Center) and still holds the rest</summary>
    RefundedInPart,

    /// <summary>LINE Pay made a refund (sent by the store or done in Merchant Center) and holds nothing any more</summary>
    RefundedInFull,

    /// <summary>LINE Pay released the authorization: a void, from the store or Merchant Center, or a declined capture</summary>
    Voided,

    /// <summary>LINE Pay let the authorization expire</summary>
    AuthorizationExpired,

    /// <summary>LINE Pay's answer is still not known (no answer, an ambiguous code); the record stays where it is</summary>
    OutcomeUnknown,

    /// <summary>The record stayed open past the age limit; the store stops asking</summary>
    GiveUp,

    /// <summary>The customer pays again ("Retry payment"): a new attempt replaces this one</summary>
    NewAttempt
}
