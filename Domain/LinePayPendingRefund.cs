namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// A refund that was sent to LINE Pay and whose outcome is not known yet
/// </summary>
public class LinePayPendingRefund
{
    /// <summary>
    /// Gets or sets the amount sent, in the payment's currency
    /// </summary>
    public decimal Amount { get; set; }

    /// <summary>
    /// Gets or sets the amount nopCommerce was asked to refund, in the primary store currency
    /// </summary>
    public decimal StoreAmount { get; set; }

    /// <summary>
    /// Gets or sets when the refund was sent (UTC)
    /// </summary>
    public DateTime SentOnUtc { get; set; }
}
