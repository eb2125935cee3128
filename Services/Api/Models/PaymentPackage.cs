namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// A package of the Request API (packages[]); its amount is the sum of its products' price × quantity
/// </summary>
public class PaymentPackage
{
    public string Id { get; set; }

    public decimal Amount { get; set; }

    public string Name { get; set; }

    public List<PaymentProduct> Products { get; set; } = [];
}
