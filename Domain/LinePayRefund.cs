namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// One refund LINE Pay made of an order's payment
/// </summary>
public class LinePayRefund
{
    /// <summary>
    /// Gets or sets LINE Pay's ID of the refund (19 digits, a new one for each refund)
    /// </summary>
    public long RefundTransactionId { get; set; }

    /// <summary>
    /// Gets or sets the amount refunded, in the payment's currency
    /// </summary>
    public decimal Amount { get; set; }

    /// <summary>
    /// Gets or sets the amount nopCommerce records for the refund, in the primary store currency; null for a refund
    /// the store did not ask for (Merchant Center, the return of money), which is converted at the payment's rate
    /// </summary>
    public decimal? StoreAmount { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether nopCommerce was told of the refund as the result of its own refund (it
    /// then records the refund in the order itself)
    /// </summary>
    public bool ReportedToStore { get; set; }

    /// <summary>
    /// Gets or sets when LINE Pay made the refund (UTC)
    /// </summary>
    public DateTime RefundedOnUtc { get; set; }
}
