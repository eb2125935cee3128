namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// One transaction of a Payment Details response (info[])
/// </summary>
public class PaymentDetailsInfo
{
    public long TransactionId { get; set; }

    public DateTimeOffset? TransactionDate { get; set; }

    /// <summary>
    /// Gets or sets PAYMENT, PAYMENT_REFUND or PARTIAL_REFUND
    /// </summary>
    public string TransactionType { get; set; }

    /// <summary>
    /// Gets or sets AUTHORIZATION, CAPTURE, VOIDED_AUTHORIZATION or EXPIRED_AUTHORIZATION
    /// </summary>
    public string PayStatus { get; set; }

    public string ProductName { get; set; }

    public string MerchantName { get; set; }

    public string Currency { get; set; }

    public DateTimeOffset? AuthorizationExpireDate { get; set; }

    public string OrderId { get; set; }

    /// <summary>
    /// Gets or sets the funding methods with their amounts at payment time (refunds not deducted)
    /// </summary>
    public List<PayInfo> PayInfo { get; set; } = [];

    /// <summary>
    /// Gets or sets the refunds of the payment; LINE Pay reports their amounts as negative numbers
    /// </summary>
    public List<RefundDetailsInfo> RefundList { get; set; } = [];

    /// <summary>
    /// Gets or sets the payment a refund belongs to, when the query named a refund transaction ID
    /// </summary>
    public long? OriginalTransactionId { get; set; }

    public List<PackageInfo> Packages { get; set; }

    /// <summary>
    /// Gets or sets TSP or EPI (v4 only; null means TSP)
    /// </summary>
    public string PaymentProvider { get; set; }
}
