using System.Text;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// One call to the API: what is signed and sent, its timeout, and what is logged about it
/// </summary>
internal record LinePayCall
{
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    public string ApiPath { get; init; }

    /// <summary>
    /// Gets the path as logged and written into errors: the API path with a regKey masked, since a regKey charges the
    /// customer
    /// </summary>
    public string LoggedPath
    {
        get => _loggedPath ?? ApiPath;
        init => _loggedPath = value;
    }

    private readonly string _loggedPath;

    /// <summary>
    /// Gets the encoded query string without '?' (GET), signed as is
    /// </summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>
    /// Gets the serialised body (POST) as UTF-8, signed and sent as is; empty when there is none
    /// </summary>
    public byte[] Body { get; init; } = [];

    public TimeSpan Timeout { get; init; }

    public string OrderId { get; init; }

    public long? TransactionId { get; init; }

    /// <summary>
    /// Gets a value indicating whether 1150 (no such transaction) is an answer rather than a failure: a lookup that found nothing
    /// </summary>
    public bool NothingFoundIsAnAnswer { get; init; }

    public byte[] SignedContent => Method == HttpMethod.Get ? Encoding.UTF8.GetBytes(Query) : Body;

    public string PathAndQuery => string.IsNullOrEmpty(Query) ? ApiPath : $"{ApiPath}?{Query}";
}
