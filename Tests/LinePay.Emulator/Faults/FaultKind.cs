namespace LinePay.Emulator.Faults;

/// <summary>
/// How an injected fault disturbs one API call
/// </summary>
public enum FaultKind
{
    /// <summary>Wait, then handle the call; if the client hung up meanwhile the call is not handled at all</summary>
    Delay,

    /// <summary>Answer HTTP 500 with an HTML page without handling the call</summary>
    Http500,

    /// <summary>Drop the connection without handling the call</summary>
    Abort,

    /// <summary>Answer the given returnCode without handling the call</summary>
    ReturnCode,

    /// <summary>Handle the call (the state changes), then wait before answering</summary>
    ApplyThenDelay,

    /// <summary>Handle the call (the state changes), then drop the connection</summary>
    ApplyThenAbort,

    /// <summary>Handle the call (the state changes), then answer HTTP 500</summary>
    ApplyThenHttp500
}
