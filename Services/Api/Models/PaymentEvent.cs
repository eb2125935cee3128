namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// A promotion event of the Request API (options.events[]); set either TotalAmount or ProductQuantity
/// </summary>
public class PaymentEvent
{
    public string Code { get; set; }

    public decimal? TotalAmount { get; set; }

    public int? ProductQuantity { get; set; }
}
