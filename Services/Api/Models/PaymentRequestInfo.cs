namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// info of a successful Request API response
/// </summary>
public class PaymentRequestInfo
{
    /// <summary>
    /// Gets or sets the 19-digit transaction ID used by every later call
    /// </summary>
    public long TransactionId { get; set; }

    /// <summary>
    /// Gets or sets the code a customer can type in the LINE app instead of scanning
    /// </summary>
    public string PaymentAccessToken { get; set; }

    public PaymentUrl PaymentUrl { get; set; }
}
