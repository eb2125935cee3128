namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// options.payment of the Request API
/// </summary>
public class PaymentOptions
{
    /// <summary>
    /// Gets the pay type of a payment whose Confirm issues a regKey for later charges
    /// </summary>
    public const string PreapprovedPayType = "PREAPPROVED";

    /// <summary>
    /// Gets or sets whether Confirm also captures (default true); false authorizes only and needs Capture later
    /// </summary>
    public bool? Capture { get; set; }

    /// <summary>
    /// Gets or sets NORMAL (default) or PREAPPROVED (Confirm returns a regKey)
    /// </summary>
    public string PayType { get; set; }
}
