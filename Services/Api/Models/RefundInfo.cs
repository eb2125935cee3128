namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// info of a successful Refund API response
/// </summary>
public class RefundInfo
{
    /// <summary>
    /// Gets or sets the new 19-digit ID of the refund
    /// </summary>
    public long RefundTransactionId { get; set; }

    public DateTimeOffset RefundTransactionDate { get; set; }
}
