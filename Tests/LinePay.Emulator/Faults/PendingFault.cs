using LinePay.Emulator.Api;

namespace LinePay.Emulator.Faults;

/// <summary>
/// A fault waiting for the next calls of an endpoint, with how many calls it still applies to
/// </summary>
public sealed record PendingFault(LinePayEndpoint Endpoint, Fault Fault, int RemainingCalls);
