namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// What happens to the money when the customer approves the payment
/// </summary>
public enum LinePayPaymentMode
{
    /// <summary>
    /// Confirm captures the payment: the order is paid
    /// </summary>
    CaptureImmediately = 0,

    /// <summary>
    /// Confirm only authorizes the payment: the order is authorized and captured or voided later from the order page
    /// </summary>
    AuthorizeOnly = 1
}
