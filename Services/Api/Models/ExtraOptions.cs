namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// options.extra of the Request API
/// </summary>
public class ExtraOptions
{
    public string BranchName { get; set; }

    public string BranchId { get; set; }

    /// <summary>
    /// Gets or sets the amounts excluded from point redemption and reward (Taiwan only)
    /// </summary>
    public PromotionRestriction PromotionRestriction { get; set; }
}
