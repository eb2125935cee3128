namespace Nop.Plugin.Payments.LinePay.Tests.Api;

public enum ServerReplyKind
{
    Answer,

    /// <summary>
    /// Keep the connection open and never answer
    /// </summary>
    Hang,

    /// <summary>
    /// Close the connection without answering
    /// </summary>
    CloseConnection
}
