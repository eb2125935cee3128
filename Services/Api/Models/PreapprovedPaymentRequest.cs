namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Body of the Pay Preapproved API (POST /v3/payments/preapprovedPay/{regKey}/payment)
/// </summary>
public class PreapprovedPaymentRequest
{
    public string ProductName { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; }

    public string OrderId { get; set; }

    /// <summary>
    /// Gets or sets whether to capture at once (default true)
    /// </summary>
    public bool? Capture { get; set; }
}
