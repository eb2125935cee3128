namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Options of the Request API (options)
/// </summary>
public class PaymentRequestOptions
{
    public PaymentOptions Payment { get; set; }

    public DisplayOptions Display { get; set; }

    public ExtraOptions Extra { get; set; }

    public List<PaymentEvent> Events { get; set; }

    /// <summary>
    /// Gets or sets the pre-approved (recurring) payment terms; API v4 only, refused by the client on v3
    /// </summary>
    public RegPayRequest RegPayRequest { get; set; }
}
