namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// options.extra.promotionRestriction of the Request API (Taiwan only)
/// </summary>
public class PromotionRestriction
{
    public decimal? UseLimit { get; set; }

    public decimal? RewardLimit { get; set; }
}
