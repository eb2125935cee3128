using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What a look at one order's payment found
/// </summary>
/// <param name="State">The record's state afterwards; null when the order has no LINE Pay payment</param>
/// <param name="StateChanged">Whether the record moved to another state</param>
/// <param name="Problem">Why LINE Pay did not tell what was asked, when it did not</param>
/// <param name="Busy">Whether another request was working on the payment, so nothing was done</param>
/// <param name="OrderChanged">Whether the order was changed: marked paid, refunded or voided, cancelled</param>
public record LinePayReconciliation(LinePayPaymentState? State, bool StateChanged, LinePayException Problem, bool Busy = false,
    bool OrderChanged = false)
{
    /// <summary>
    /// Gets a value indicating whether the record or the order changed
    /// </summary>
    public bool Changed => StateChanged || OrderChanged;

    /// <summary>
    /// Gets a value indicating whether LINE Pay could not be reached (no answer, a timeout, an HTTP error)
    /// </summary>
    public bool LinePayUnreachable => Problem?.IsNoAnswer == true;
}
