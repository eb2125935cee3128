using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents one refund LINE Pay made of the order's payment, on the order page
/// </summary>
public record OrderPanelRefundModel : BaseNopModel
{
    /// <summary>
    /// Gets or sets LINE Pay's ID of the refund, as text (19 digits)
    /// </summary>
    public string RefundTransactionId { get; set; }

    /// <summary>
    /// Gets or sets the amount with its currency, e.g. "300 TWD"
    /// </summary>
    public string Amount { get; set; }

    public DateTime RefundedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the refund was asked for from the order page (otherwise LINE Pay Merchant
    /// Center, or the plugin giving back money the order could not take)
    /// </summary>
    public bool FromOrderPage { get; set; }
}
