namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// A product shown on LINE Pay's payment page (packages[].products[])
/// </summary>
public class PaymentProduct
{
    public string Id { get; set; }

    public string Name { get; set; }

    /// <summary>
    /// Gets or sets an HTTPS image URL (the sandbox shows no other)
    /// </summary>
    public string ImageUrl { get; set; }

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public decimal? OriginalPrice { get; set; }
}
