namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// Where a subscription's LINE Pay key (regKey) stands
/// </summary>
public enum LinePayRegKeyState
{
    /// <summary>
    /// No key: the first payment is not confirmed yet, or LINE Pay's answer with the key was lost
    /// </summary>
    None,

    /// <summary>
    /// The key charges the next cycles
    /// </summary>
    Active,

    /// <summary>
    /// LINE Pay no longer accepts the key (the customer removed the payment method, the card expired, LINE Pay discarded
    /// it after a decline): the customer pays the next cycle through LINE Pay's checkout, which issues a new key
    /// </summary>
    Unusable,

    /// <summary>
    /// The subscription ended while LINE Pay could not be reached: the scheduled task expires the key
    /// </summary>
    ExpireDue,

    /// <summary>
    /// The key was expired at LINE Pay: it charges nothing any more
    /// </summary>
    Expired
}
