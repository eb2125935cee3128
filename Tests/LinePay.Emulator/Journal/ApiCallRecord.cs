using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;

namespace LinePay.Emulator.Journal;

/// <summary>
/// One API call the emulator received. ReturnCode is the code decided (also when a fault then hid the answer from the
/// client); it is null when a fault answered instead of the API or the client hung up first.
/// </summary>
public sealed record ApiCallRecord(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Query,
    LinePayEndpoint Endpoint,
    int ApiVersion,
    long? TransactionId,
    string? RegKey,
    string? ReturnCode,
    FaultKind? Fault);
