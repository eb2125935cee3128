using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents the LINE Pay panel on the order page: where the payment stands at LINE Pay and in the store
/// </summary>
public record OrderPanelModel : BaseNopModel
{
    /// <summary>
    /// Gets the funding methods LINE Pay documents; others are shown as LINE Pay names them
    /// </summary>
    public static IReadOnlySet<string> KnownPayMethods { get; } = new HashSet<string>(["BALANCE", "CREDIT_CARD", "POINT", "DISCOUNT"]);

    public int OrderId { get; set; }

    /// <summary>
    /// Gets or sets where the payment was made: live, sandbox, test API …; null when the record does not say
    /// </summary>
    public string Environment { get; set; }

    public bool IsLive { get; set; }

    public LinePayPaymentState State { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's funding methods of the payment (payInfo), e.g. CREDIT_CARD, POINT
    /// </summary>
    public IList<string> PayMethods { get; set; } = [];

    /// <summary>
    /// Gets or sets how much LINE Pay refunded, e.g. "300 TWD"; null when nothing was refunded
    /// </summary>
    public string Refunded { get; set; }

    /// <summary>
    /// Gets or sets how much LINE Pay took, e.g. "1,500 TWD"
    /// </summary>
    public string Paid { get; set; }

    public DateTime? AuthorizationExpiresOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the refund sent whose outcome LINE Pay has not told yet, e.g. "300 TWD"
    /// </summary>
    public string PendingRefund { get; set; }

    /// <summary>
    /// Gets or sets every attempt of the order, this one last
    /// </summary>
    public IList<OrderPanelAttemptModel> Attempts { get; set; } = [];

    public IList<OrderPanelRefundModel> Refunds { get; set; } = [];

    /// <summary>
    /// Gets or sets when the scheduled task looks at the payment next (UTC); null when it has nothing left to do
    /// </summary>
    public DateTime? NextCheckOnUtc { get; set; }

    /// <summary>
    /// Gets or sets what the scheduled task does next with the payment
    /// </summary>
    public OrderPanelNextStep NextStep { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the order has a LINE Pay payment (a subscription's cycle placed for the
    /// customer to pay has none until they pay)
    /// </summary>
    public bool HasPayment { get; set; }

    /// <summary>
    /// Gets or sets the subscription the order belongs to; null for an order of no subscription
    /// </summary>
    public OrderPanelSubscriptionModel Subscription { get; set; }
}
