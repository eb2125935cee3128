using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents one attempt to pay the order with LINE Pay, on the order page
/// </summary>
public record OrderPanelAttemptModel : BaseNopModel
{
    public int Attempt { get; set; }

    public string LinePayOrderId { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's transaction ID, as text (19 digits)
    /// </summary>
    public string TransactionId { get; set; }

    public LinePayPaymentState State { get; set; }

    /// <summary>
    /// Gets or sets the amount with its currency, e.g. "1500 TWD"
    /// </summary>
    public string Amount { get; set; }

    public DateTime RequestedOnUtc { get; set; }
}
