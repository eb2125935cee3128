using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;

namespace LinePay.Emulator.Journal;

/// <summary>
/// One API call the emulator received, with its body as sent (empty when there was none). ReturnCode is the code
/// decided (also when a fault then hid the answer from the client); it is null when a fault answered instead of the API
/// or the client hung up first.
/// </summary>
public sealed record ApiCallRecord(
    DateTimeOffset Timestamp,
    string Method,
    string Path,
    string Query,
    string Body,
    LinePayEndpoint Endpoint,
    int ApiVersion,
    long? TransactionId,
    string? RegKey,
    string? ReturnCode,
    FaultKind? Fault);
