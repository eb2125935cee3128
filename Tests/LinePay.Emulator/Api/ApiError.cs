namespace LinePay.Emulator.Api;

/// <summary>
/// Ends the handling of an API call with a LINE Pay error envelope
/// </summary>
public sealed class ApiError(string returnCode, string? returnMessage = null)
    : Exception(returnMessage ?? ReturnCodes.MessageFor(returnCode))
{
    public string ReturnCode { get; } = returnCode;
}
