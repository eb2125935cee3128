namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// Body of a partial refund (a full refund sends no body)
/// </summary>
internal class RefundRequest
{
    public decimal RefundAmount { get; set; }
}
