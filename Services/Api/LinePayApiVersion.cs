namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Version of LINE Pay's Online API; both serve the same endpoints, v4 adds the payment provider to responses
/// </summary>
public enum LinePayApiVersion
{
    V3 = 3,
    V4 = 4
}
