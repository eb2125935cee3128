namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// What the scheduled task does next with an order's LINE Pay payment, as the order page says it
/// </summary>
public enum OrderPanelNextStep
{
    /// <summary>Nothing: the payment is settled</summary>
    Finished,

    /// <summary>Asks LINE Pay what became of an unconfirmed payment (Check, Payment Details)</summary>
    Unconfirmed,

    /// <summary>Reads Payment Details to learn whether a refund sent without answer was made</summary>
    Refunding,

    /// <summary>Gives back money the order cannot take</summary>
    ReturnDue,

    /// <summary>Compares money LINE Pay holds with Payment Details (Merchant Center refunds and voids)</summary>
    Watched,

    /// <summary>Nothing: the store stopped asking LINE Pay</summary>
    GivenUp
}
