using LinePay.Emulator.Api;

namespace LinePay.Emulator.Faults;

/// <summary>
/// A disturbance to inject into the next call(s) of an endpoint, e.g.
/// <c>host.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenDelay(TimeSpan.FromSeconds(5)))</c>
/// </summary>
public sealed record Fault(FaultKind Kind, TimeSpan Duration = default, string? ReturnCode = null, string? ReturnMessage = null)
{
    public static Fault Delay(TimeSpan duration) => new(FaultKind.Delay, duration);

    public static Fault Http500() => new(FaultKind.Http500);

    public static Fault Abort() => new(FaultKind.Abort);

    public static Fault Answer(string returnCode, string? returnMessage = null) =>
        new(FaultKind.ReturnCode, ReturnCode: returnCode, ReturnMessage: returnMessage ?? ReturnCodes.MessageFor(returnCode));

    public static Fault ApplyThenDelay(TimeSpan duration) => new(FaultKind.ApplyThenDelay, duration);

    public static Fault ApplyThenAbort() => new(FaultKind.ApplyThenAbort);

    public static Fault ApplyThenHttp500() => new(FaultKind.ApplyThenHttp500);
}
