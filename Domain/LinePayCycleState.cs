namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// Where the charge of one cycle of a subscription stands
/// </summary>
public enum LinePayCycleState
{
    /// <summary>
    /// Pay Preapproved was sent and has not answered yet; a server that died here leaves it so, and the next attempt
    /// asks Payment Details before charging
    /// </summary>
    Charging,

    /// <summary>
    /// LINE Pay did not tell whether it charged (no answer, an ambiguous code) and Payment Details could not say either
    /// </summary>
    Unknown,

    /// <summary>
    /// LINE Pay charged and captured the cycle
    /// </summary>
    Paid,

    /// <summary>
    /// LINE Pay authorized the cycle (authorize-only mode); it is captured or voided from the cycle's order
    /// </summary>
    Authorized,

    /// <summary>
    /// LINE Pay refused the charge (a declined card, an unusable key): nothing was taken
    /// </summary>
    Declined,

    /// <summary>
    /// There was no usable key: the cycle's order was placed unpaid, for the customer to pay through LINE Pay's checkout
    /// </summary>
    AwaitingCustomer,

    /// <summary>
    /// The subscription ended while the charge's outcome was open, and LINE Pay had not charged it
    /// </summary>
    NotCharged,

    /// <summary>
    /// LINE Pay charged a cycle whose order was never placed because the subscription ended meanwhile: the money was
    /// refunded (or the authorization voided)
    /// </summary>
    Returned
}
