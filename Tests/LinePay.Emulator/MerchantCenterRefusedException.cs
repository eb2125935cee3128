namespace LinePay.Emulator;

/// <summary>
/// A Merchant Center action the emulator refused, with the return code the Refund or Void API would have answered
/// (1150 for an unknown transaction)
/// </summary>
public sealed class MerchantCenterRefusedException(string returnCode, string message)
    : InvalidOperationException($"{returnCode}: {message}")
{
    public string ReturnCode { get; } = returnCode;

    public string ReturnMessage { get; } = message;
}
