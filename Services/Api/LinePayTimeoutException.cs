namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// LINE Pay did not answer within the endpoint's timeout. The call may have been carried out: read the state with
/// Check Payment Request Status or Payment Details before any retry.
/// </summary>
public class LinePayTimeoutException : LinePayException
{
    public LinePayTimeoutException(string apiPath, TimeSpan timeout, Exception innerException = null)
        : base(apiPath, $"LINE Pay {apiPath} did not answer within {timeout.TotalSeconds:0.###} s.", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>
    /// Gets the timeout that elapsed
    /// </summary>
    public TimeSpan Timeout { get; }
}
