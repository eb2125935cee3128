namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// One call for <see cref="LinePayTestClient.SendAsync"/>; null parts are filled in correctly (fresh UUID nonce,
/// the client's channel ID, the right signature), set parts are sent as given
/// </summary>
public sealed record SignedCall(
    HttpMethod Method,
    string ApiPath,
    string Query = "",
    string Body = null,
    string Nonce = null,
    string Signature = null,
    string ChannelId = null)
{
    /// <summary>Header names to leave out of the request</summary>
    public IReadOnlyCollection<string> OmitHeaders { get; init; } = [];
}
