using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// What the plugin keeps on a nopCommerce recurring payment paid with LINE Pay: the customer's pre-approved key
/// (regKey, encrypted), its state and the charges of the cycles. Stored as one JSON generic attribute of the recurring
/// payment, read and written whole.
/// </summary>
public class LinePaySubscription
{
    /// <summary>
    /// Gets or sets the regKey as stored: encrypted with the store's encryption key; never shown or logged whole
    /// </summary>
    public string StoredRegKey { get; set; }

    /// <summary>
    /// Gets or sets the last characters of the key, to show it masked
    /// </summary>
    public string RegKeyEnd { get; set; }

    public LinePayRegKeyState KeyState { get; set; }

    /// <summary>
    /// Gets or sets LINE Pay's return code that made the key unusable
    /// </summary>
    public string KeyReturnCode { get; set; }

    /// <summary>
    /// Gets or sets the order whose payment issued the key
    /// </summary>
    public int? KeyOrderId { get; set; }

    /// <summary>
    /// Gets or sets when LINE Pay issued the key (UTC)
    /// </summary>
    public DateTime? KeyIssuedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the currency of the payment that issued the key: LINE Pay charges the key in it only
    /// </summary>
    public string Currency { get; set; }

    /// <summary>
    /// Gets or sets when the key was last checked at LINE Pay (Check regKey), and what LINE Pay answered
    /// </summary>
    public DateTime? KeyCheckedOnUtc { get; set; }

    public string KeyCheckReturnCode { get; set; }

    /// <summary>
    /// Gets or sets earlier keys, encrypted, that LINE Pay has not yet confirmed expired (a key replaced by a new one, or
    /// issued after the subscription ended); they are expired when LINE Pay can be reached
    /// </summary>
    public List<string> RetiredRegKeys { get; set; } = [];

    /// <summary>
    /// Gets or sets the charges of the cycles, oldest first
    /// </summary>
    public List<LinePayCycleCharge> Charges { get; set; } = [];

    /// <summary>
    /// Gets or sets how many claims to work on the subscription were taken (see LinePaySubscriptionLockService)
    /// </summary>
    public int Claims { get; set; }

    /// <summary>
    /// Gets or sets when the record last changed (UTC)
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>
    /// Gets the key masked for people, e.g. "RK••••••••••QTO"; null when there is none
    /// </summary>
    public string MaskedRegKey => RegKeyEnd is null ? null : LinePayRegKeys.MaskEnd(RegKeyEnd);

    /// <summary>
    /// Gets the latest try of the cycle, or null
    /// </summary>
    public LinePayCycleCharge ChargeOf(int cycle) => Charges.LastOrDefault(charge => charge.Cycle == cycle);
}
