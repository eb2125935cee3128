namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// LINE Pay answered with a return code other than 0000 (the status codes of Check Payment Request Status excepted)
/// </summary>
public class LinePayApiException : LinePayException
{
    public LinePayApiException(string apiPath, string returnCode, string returnMessage)
        : base(apiPath, $"LINE Pay {apiPath} returned {returnCode} ({LinePayReturnCodes.Classify(returnCode)}): {returnMessage}")
    {
        ReturnCode = returnCode;
        ReturnMessage = returnMessage;
        Classification = LinePayReturnCodes.Classify(returnCode);
    }

    /// <summary>
    /// Gets the four-digit return code, e.g. 1106
    /// </summary>
    public string ReturnCode { get; }

    /// <summary>
    /// Gets LINE Pay's return message
    /// </summary>
    public string ReturnMessage { get; }

    /// <summary>
    /// Gets what the return code tells the caller to do
    /// </summary>
    public LinePayReturnCodeClass Classification { get; }

    public override bool IsOutcomeUnknown => Classification == LinePayReturnCodeClass.Ambiguous;
}
