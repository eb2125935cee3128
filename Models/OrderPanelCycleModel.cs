using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents one try at charging a subscription's cycle with its key, on the order page
/// </summary>
public record OrderPanelCycleModel : BaseNopModel
{
    public int Cycle { get; set; }

    public string LinePayOrderId { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's transaction ID, as text; null when nothing was charged
    /// </summary>
    public string TransactionId { get; set; }

    /// <summary>
    /// Gets or sets the amount with its currency, e.g. "1,500 TWD"; null when nothing was charged
    /// </summary>
    public string Amount { get; set; }

    public LinePayCycleState State { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's return code of a refused or unknown charge
    /// </summary>
    public string ReturnCode { get; set; }

    public DateTime StartedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the cycle's order, its id and number; null until nopCommerce placed it
    /// </summary>
    public int? OrderId { get; set; }

    public string CustomOrderNumber { get; set; }
}
