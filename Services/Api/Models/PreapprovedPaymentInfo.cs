namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// info of a successful Pay Preapproved API response
/// </summary>
public class PreapprovedPaymentInfo
{
    public long TransactionId { get; set; }

    public DateTimeOffset? TransactionDate { get; set; }

    public DateTimeOffset? AuthorizationExpireDate { get; set; }

    public string OrderId { get; set; }

    /// <summary>
    /// Gets or sets TSP or EPI (v4 only; null means TSP)
    /// </summary>
    public string PaymentProvider { get; set; }
}
