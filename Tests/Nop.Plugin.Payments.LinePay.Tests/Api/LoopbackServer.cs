using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

/// <summary>
/// A minimal HTTP/1.1 server on a loopback port that records the raw requests it receives and answers (also with a
/// redirect, or without Content-Length), hangs or drops the connection as told
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<CapturedRequest, ServerReply> _reply;
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public LoopbackServer(Func<CapturedRequest, ServerReply> reply)
    {
        _reply = reply;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public static LoopbackServer Answering(string json) => new(_ => ServerReply.Json(json));

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                _requests.Enqueue(request);
                var reply = _reply(request);

                switch (reply.Kind)
                {
                    case ServerReplyKind.Answer:
                        var body = Encoding.UTF8.GetBytes(reply.Body);
                        var head = $"HTTP/1.1 {reply.StatusCode} {(HttpStatusCode)reply.StatusCode}\r\nContent-Type: {reply.ContentType}\r\n" +
                            (reply.Location is null ? "" : $"Location: {reply.Location}\r\n") +
                            (reply.DeclaresLength ? $"Content-Length: {body.Length}\r\n" : "") + "Connection: close\r\n\r\n";
                        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                        await stream.WriteAsync(body, _stop.Token);
                        break;
                    case ServerReplyKind.Hang:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        break;
                    case ServerReplyKind.CloseConnection:
                        break;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // the client went away or the server is stopping
            }
        }
    }

    private static async Task<CapturedRequest> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
                throw new IOException("connection closed before the request head ended");
            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(line => (Name: line[..line.IndexOf(':')], Value: line[(line.IndexOf(':') + 1)..].Trim()))
            .ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body, cancellationToken);

        return new CapturedRequest(requestLine[0], requestLine[1], headers, body);
    }
}
