namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// info of a successful Capture API response
/// </summary>
public class CaptureResponseInfo
{
    public string OrderId { get; set; }

    public long TransactionId { get; set; }

    public List<PayInfo> PayInfo { get; set; } = [];

    /// <summary>
    /// Gets or sets TSP or EPI (v4 only; null means TSP)
    /// </summary>
    public string PaymentProvider { get; set; }
}
