using System.Net;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// No usable LINE Pay answer: the connection failed or dropped, the HTTP status was not 200, or the body was not
/// LINE Pay's JSON. A call that moves money may still have been carried out: read the state before any retry.
/// </summary>
public class LinePayTransportException : LinePayException
{
    public LinePayTransportException(string apiPath, string message, HttpStatusCode? statusCode = null, Exception innerException = null)
        : base(apiPath, message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>
    /// Gets the HTTP status of the response, when one arrived
    /// </summary>
    public HttpStatusCode? StatusCode { get; }
}
