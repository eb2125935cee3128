using System.Net;
using System.Net.Http.Headers;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// Answers every request at once with the same JSON, without a network: what is left is the cost of the caller
/// </summary>
public sealed class CannedAnswerHandler(string json) : HttpMessageHandler
{
    private readonly byte[] _body = System.Text.Encoding.UTF8.GetBytes(json);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        //the caller's body is read, as a server would
        if (request.Content is not null)
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(_body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }
        };
    }
}
