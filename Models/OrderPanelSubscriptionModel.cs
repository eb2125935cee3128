using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents the subscription an order belongs to, on the order page: its pre-approved key (masked) and its cycles
/// </summary>
public record OrderPanelSubscriptionModel : BaseNopModel
{
    public int RecurringPaymentId { get; set; }

    /// <summary>
    /// Gets or sets the key masked, e.g. "RK••••••••••QTO"; null when LINE Pay has issued none
    /// </summary>
    public string MaskedRegKey { get; set; }

    public LinePayRegKeyState KeyState { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's return code that made the key unusable
    /// </summary>
    public string KeyReturnCode { get; set; }

    public DateTime? KeyIssuedOnUtc { get; set; }

    public DateTime? KeyCheckedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets what Check regKey answered last, e.g. 0000 (usable) or 1193 (expired)
    /// </summary>
    public string KeyCheckReturnCode { get; set; }

    /// <summary>
    /// Gets or sets when nopCommerce's next cycle is due; null when the subscription has ended
    /// </summary>
    public DateTime? NextCycleOnUtc { get; set; }

    public IList<OrderPanelCycleModel> Cycles { get; set; } = [];
}
