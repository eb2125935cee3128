namespace LinePay.Emulator.Api;

/// <summary>
/// One API call as the handlers see it: the endpoint, the version from the path, the identifiers in the path and the
/// raw body bytes exactly as received
/// </summary>
public sealed record ApiCall(
    LinePayEndpoint Endpoint,
    int ApiVersion,
    string PathIdentifier,
    byte[] Body,
    IQueryCollection Query,
    string RequestBaseAddress);
