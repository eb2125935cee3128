namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Base of the errors raised by <see cref="LinePayClient"/>. Messages never contain the channel secret or a signature.
/// </summary>
public abstract class LinePayException : Exception
{
    protected LinePayException(string apiPath, string message, Exception innerException = null)
        : base(message, innerException)
    {
        ApiPath = apiPath;
    }

    /// <summary>
    /// Gets the API path that was called, e.g. /v3/payments/2023042201206549310/confirm
    /// </summary>
    public string ApiPath { get; }

    /// <summary>
    /// Gets a value indicating whether LINE Pay may have carried out the call although it did not say so: no answer,
    /// an HTTP error, or an ambiguous return code; read the state before any retry
    /// </summary>
    public virtual bool IsOutcomeUnknown => true;

    /// <summary>
    /// Gets a value indicating whether no answer of LINE Pay's came at all (connection, HTTP error, timeout): whoever
    /// has more to ask had better stop for now
    /// </summary>
    public bool IsNoAnswer => this is LinePayTimeoutException or LinePayTransportException;
}
