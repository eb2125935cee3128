namespace LinePay.Emulator.Api;

/// <summary>
/// The ten endpoints of LINE Pay's Online API
/// </summary>
public enum LinePayEndpoint
{
    Request,
    Confirm,
    Capture,
    Void,
    Refund,
    Details,
    Check,
    PayPreapproved,
    CheckRegKey,
    ExpireRegKey
}
