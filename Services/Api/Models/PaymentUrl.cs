namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Where the customer approves the payment (info.paymentUrl)
/// </summary>
public class PaymentUrl
{
    /// <summary>
    /// Gets or sets the payment page to redirect a browser to
    /// </summary>
    public string Web { get; set; }

    /// <summary>
    /// Gets or sets the line:// deep link for app-to-app payments
    /// </summary>
    public string App { get; set; }
}
