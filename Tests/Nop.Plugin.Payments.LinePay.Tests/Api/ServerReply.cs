namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// What the loopback server does with a request
/// </summary>
/// <param name="Location">The Location header of a redirect</param>
/// <param name="DeclaresLength">Whether the answer has a Content-Length header; without one its end is the end of the connection</param>
public record ServerReply(ServerReplyKind Kind, int StatusCode = 200, string Body = "", string ContentType = "application/json",
    Uri Location = null, bool DeclaresLength = true)
{
    public static ServerReply Json(string body) => new(ServerReplyKind.Answer, 200, body);

    public static ServerReply Status(int statusCode, string body, string contentType = "text/html") =>
        new(ServerReplyKind.Answer, statusCode, body, contentType);

    public static ServerReply Redirect(int statusCode, Uri location) =>
        new(ServerReplyKind.Answer, statusCode, string.Empty, "text/html", location);

    public static ServerReply Hang() => new(ServerReplyKind.Hang);

    public static ServerReply CloseConnection() => new(ServerReplyKind.CloseConnection);
}
