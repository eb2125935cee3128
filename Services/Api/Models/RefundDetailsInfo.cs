namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// One refund of a payment in Payment Details (refundList[])
/// </summary>
public class RefundDetailsInfo
{
    public long RefundTransactionId { get; set; }

    /// <summary>
    /// Gets or sets PAYMENT_REFUND or PARTIAL_REFUND
    /// </summary>
    public string TransactionType { get; set; }

    /// <summary>
    /// Gets or sets the refunded amount, negative as LINE Pay reports it
    /// </summary>
    public decimal RefundAmount { get; set; }

    public DateTimeOffset? RefundTransactionDate { get; set; }
}
