using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;

namespace LinePay.Emulator.Control;

/// <summary>
/// Body of POST /emulator/faults, e.g. {"endpoint":"Confirm","mode":"ApplyThenDelay","delayMilliseconds":45000}
/// or {"endpoint":"Refund","mode":"ReturnCode","returnCode":"9000","times":2}
/// </summary>
public sealed record FaultRequest(
    string? Endpoint,
    string? Mode,
    int? DelayMilliseconds,
    string? ReturnCode,
    string? ReturnMessage,
    int? Times)
{
    /// <summary>The endpoint and fault asked for, or the reason the request is not understood</summary>
    public (LinePayEndpoint Endpoint, Fault Fault, int Times)? Parse(out string? problem)
    {
        problem = null;
        if (!Enum.TryParse<LinePayEndpoint>(Endpoint, ignoreCase: true, out var endpoint))
            problem = $"endpoint must be one of {string.Join(", ", Enum.GetNames<LinePayEndpoint>())}.";
        else if (!Enum.TryParse<FaultKind>(Mode, ignoreCase: true, out var kind))
            problem = $"mode must be one of {string.Join(", ", Enum.GetNames<FaultKind>())}.";
        else if (kind == FaultKind.ReturnCode && string.IsNullOrEmpty(ReturnCode))
            problem = "returnCode is required for mode ReturnCode.";
        else if (kind is FaultKind.Delay or FaultKind.ApplyThenDelay && DelayMilliseconds is not > 0)
            problem = "delayMilliseconds must be positive for a delay.";
        else if (Times is < 1)
            problem = "times must be at least 1.";
        else
        {
            var delay = TimeSpan.FromMilliseconds(DelayMilliseconds ?? 0);
            var fault = kind switch
            {
                FaultKind.Delay => Fault.Delay(delay),
                FaultKind.ApplyThenDelay => Fault.ApplyThenDelay(delay),
                FaultKind.ReturnCode => Fault.Answer(ReturnCode!, ReturnMessage),
                _ => new Fault(kind)
            };
            return (endpoint, fault, Times ?? 1);
        }

        return null;
    }
}
