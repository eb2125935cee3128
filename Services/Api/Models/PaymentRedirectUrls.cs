namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Where LINE Pay sends the customer back (redirectUrls)
/// </summary>
public class PaymentRedirectUrls
{
    /// <summary>
    /// Gets or sets the URL LINE Pay opens after approval, with transactionId and orderId appended
    /// </summary>
    public string ConfirmUrl { get; set; }

    public string CancelUrl { get; set; }

    /// <summary>
    /// Gets or sets CLIENT (browser redirect, default), SERVER (LINE Pay's server calls confirmUrl) or NONE (poll Check)
    /// </summary>
    public string ConfirmUrlType { get; set; }

    public string AppPackageName { get; set; }
}
