using Nop.Core.Configuration;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay;

/// <summary>
/// Represents the LINE Pay settings, overridable per store
/// </summary>
public class LinePayPaymentSettings : ISettings
{
    /// <summary>
    /// Gets or sets the channel ID (Merchant Center → Manage Link Key)
    /// </summary>
    public string ChannelId { get; set; }

    /// <summary>
    /// Gets or sets the channel secret key; never logged or rendered back
    /// </summary>
    public string ChannelSecret { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether to use LINE Pay's sandbox
    /// </summary>
    public bool UseSandbox { get; set; }

    /// <summary>
    /// Gets or sets the version of LINE Pay's Online API to call
    /// </summary>
    public LinePayApiVersion ApiVersion { get; set; }

    /// <summary>
    /// Gets or sets the currency the customer pays in on LINE Pay (TWD, THB or USD)
    /// </summary>
    public string CurrencyCode { get; set; }

    /// <summary>
    /// Gets or sets whether an approved payment is captured at once or only authorized
    /// </summary>
    public LinePayPaymentMode PaymentMode { get; set; }

    /// <summary>
    /// Gets or sets the additional fee charged for paying with LINE Pay
    /// </summary>
    public decimal AdditionalFee { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the additional fee is a percentage of the order total (otherwise a fixed amount)
    /// </summary>
    public bool AdditionalFeePercentage { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the reconciliation task cancels a pending order whose LINE Pay payment
    /// was cancelled, expired or failed (otherwise the order only gets a note and the customer can retry the payment)
    /// </summary>
    public bool CancelUnpaidOrders { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether money LINE Pay holds for a cancelled or deleted order is refunded (or
    /// its authorization voided) by the plugin; otherwise the order gets a note and the log an error, and the shop
    /// owner gives it back by hand
    /// </summary>
    public bool RefundPaymentsOfCancelledOrders { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether LINE Pay is offered for carts of recurring products (subscriptions),
    /// paid with LINE Pay's pre-approved payments, which the merchant must have LINE Pay enable first
    /// </summary>
    public bool OfferSubscriptions { get; set; }

    /// <summary>
    /// Gets or sets the base address of the API to call instead of LINE Pay's own (e.g. a local emulator); empty for LINE Pay
    /// </summary>
    public string ApiBaseAddress { get; set; }
}
