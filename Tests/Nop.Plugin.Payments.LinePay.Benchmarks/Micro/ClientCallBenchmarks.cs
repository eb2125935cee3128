using BenchmarkDotNet.Attributes;
using Nop.Plugin.Payments.LinePay.Benchmarks.Calls;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// A Confirm through <see cref="LinePayClient"/> next to the same pre-signed bytes sent with the same HttpClient, both
/// answered in memory: the client's own time and allocations per call, without the network's noise
/// </summary>
[MemoryDiagnoser]
public class ClientCallBenchmarks
{
    private const long TransactionId = 2025061512345678901;
    private static readonly string Answer = $$$"""{"returnCode":"0000","returnMessage":"OK","info":{"orderId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301-1","transactionId":{{{TransactionId}}},"payInfo":[{"method":"CREDIT_CARD","amount":1500}],"packages":[{"id":"1042","amount":1500}]}}""";

    private HttpClient _http;
    private LinePayClient _client;
    private PreparedCall _floor;

    [GlobalSetup]
    public void CreateClients()
    {
        var options = new LinePayClientOptions
        {
            ChannelId = "1234567890",
            ChannelSecret = "0123456789abcdef0123456789abcdef",
            BaseAddress = new Uri("http://127.0.0.1:5080/")
        };
        _http = new HttpClient(new CannedAnswerHandler(Answer));
        _client = new LinePayClient(_http, options);
        _floor = PreparedCall.Confirm(options, TransactionId, 1500m, "TWD");
    }

    [GlobalCleanup]
    public void DisposeClients() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "floor: pre-signed Confirm bytes")]
    public Task<string> Floor() => _floor.SendAsync(_http);

    [Benchmark(Description = "LinePayClient.ConfirmPaymentAsync")]
    public async Task<long> Client() => (await _client.ConfirmPaymentAsync(TransactionId, 1500m, "TWD")).TransactionId;
}
