namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Body of the Request API (POST /v3/payments/request)
/// </summary>
public class PaymentRequest
{
    /// <summary>
    /// Gets or sets the payment amount, the sum of the packages' amounts, within the currency's decimal places
    /// </summary>
    public decimal Amount { get; set; }

    /// <summary>
    /// Gets or sets the ISO 4217 currency: TWD, THB or USD
    /// </summary>
    public string Currency { get; set; }

    /// <summary>
    /// Gets or sets the merchant's unique order ID (at most 100 characters)
    /// </summary>
    public string OrderId { get; set; }

    public List<PaymentPackage> Packages { get; set; } = [];

    public PaymentRedirectUrls RedirectUrls { get; set; }

    public PaymentRequestOptions Options { get; set; }
}
