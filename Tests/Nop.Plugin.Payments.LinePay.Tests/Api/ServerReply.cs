namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// What the loopback server does with a request
/// </summary>
public record ServerReply(ServerReplyKind Kind, int StatusCode = 200, string Body = "", string ContentType = "application/json")
{
    public static ServerReply Json(string body) => new(ServerReplyKind.Answer, 200, body);

    public static ServerReply Status(int statusCode, string body, string contentType = "text/html") =>
        new(ServerReplyKind.Answer, statusCode, body, contentType);

    public static ServerReply Hang() => new(ServerReplyKind.Hang);

    public static ServerReply CloseConnection() => new(ServerReplyKind.CloseConnection);
}
