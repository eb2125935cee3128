using System.Text;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// A request exactly as it arrived on the loopback socket
/// </summary>
public record CapturedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : string.Empty;

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
