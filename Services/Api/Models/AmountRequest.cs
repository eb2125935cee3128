namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Body of Confirm and Capture
/// </summary>
internal class AmountRequest
{
    public decimal Amount { get; set; }

    public string Currency { get; set; }
}
