namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// A package as returned by Confirm and Payment Details
/// </summary>
public class PackageInfo
{
    public string Id { get; set; }

    public decimal Amount { get; set; }

    public string Name { get; set; }

    /// <summary>
    /// Gets or sets the customer fee of the package (v3 only)
    /// </summary>
    public decimal? UserFeeAmount { get; set; }

    public List<PaymentProduct> Products { get; set; }
}
