namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The order total expressed in the LINE Pay currency
/// </summary>
/// <param name="Amount">The amount requested: rounded to the currency's scale</param>
/// <param name="ExactAmount">The amount before rounding</param>
/// <param name="Currency">The LINE Pay currency (TWD, THB or USD)</param>
/// <param name="Convert">Converts an amount of the primary store currency the same way (order lines)</param>
public record LinePayOrderAmount(decimal Amount, decimal ExactAmount, string Currency, Func<decimal, Task<decimal>> Convert)
{
    /// <summary>
    /// Gets a value indicating whether rounding changed the amount
    /// </summary>
    public bool IsRounded => Amount != ExactAmount;
}
