using System.Collections.Concurrent;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

/// <summary>
/// HttpClients that pass every request on to the network and keep its method, path and body
/// </summary>
public sealed class WireRecorder
{
    private readonly ConcurrentQueue<WireRequest> _requests = new();

    public IReadOnlyList<WireRequest> Requests => _requests.ToArray();

    /// <summary>The requests whose path ends with the suffix, e.g. "/refund"</summary>
    public IReadOnlyList<WireRequest> To(string pathSuffix) =>
        Requests.Where(request => request.Path.EndsWith(pathSuffix, StringComparison.Ordinal)).ToList();

    public HttpClient CreateClient() => new(new RecordingHandler(_requests) { InnerHandler = new SocketsHttpHandler() });

    public void Clear() => _requests.Clear();

    private sealed class RecordingHandler(ConcurrentQueue<WireRequest> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            requests.Enqueue(new WireRequest(request.Method.Method, request.RequestUri!.AbsolutePath, body));

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
