using System.Globalization;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Paths of the Online API endpoints for one API version
/// </summary>
internal class LinePayApiPaths
{
    private readonly string _prefix;

    public LinePayApiPaths(LinePayApiVersion version)
    {
        _prefix = version switch
        {
            LinePayApiVersion.V3 => "/v3/payments",
            LinePayApiVersion.V4 => "/v4/payments",
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown LINE Pay API version.")
        };
    }

    public string Request => $"{_prefix}/request";

    public string Payments => _prefix;

    public string Confirm(long transactionId) => $"{_prefix}/{Id(transactionId)}/confirm";

    public string Capture(long transactionId) => $"{_prefix}/authorizations/{Id(transactionId)}/capture";

    public string Void(long transactionId) => $"{_prefix}/authorizations/{Id(transactionId)}/void";

    public string Refund(long transactionId) => $"{_prefix}/{Id(transactionId)}/refund";

    public string CheckPaymentStatus(long transactionId) => $"{_prefix}/requests/{Id(transactionId)}/check";

    public string PayPreapproved(string regKey) => $"{_prefix}/preapprovedPay/{Uri.EscapeDataString(regKey)}/payment";

    public string CheckRegKey(string regKey) => $"{_prefix}/preapprovedPay/{Uri.EscapeDataString(regKey)}/check";

    public string ExpireRegKey(string regKey) => $"{_prefix}/preapprovedPay/{Uri.EscapeDataString(regKey)}/expire";

    private static string Id(long transactionId) => transactionId.ToString(CultureInfo.InvariantCulture);
}
