namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// info of a successful Confirm API response
/// </summary>
public class ConfirmResponseInfo
{
    public string OrderId { get; set; }

    public long TransactionId { get; set; }

    public List<PayInfo> PayInfo { get; set; } = [];

    public List<PackageInfo> Packages { get; set; }

    /// <summary>
    /// Gets or sets when an authorization (capture = false) is voided unless captured
    /// </summary>
    public DateTimeOffset? AuthorizationExpireDate { get; set; }

    /// <summary>
    /// Gets or sets the key of a pre-approved payment (payType PREAPPROVED)
    /// </summary>
    public string RegKey { get; set; }

    /// <summary>
    /// Gets or sets TSP or EPI (v4 only; null means TSP)
    /// </summary>
    public string PaymentProvider { get; set; }
}
