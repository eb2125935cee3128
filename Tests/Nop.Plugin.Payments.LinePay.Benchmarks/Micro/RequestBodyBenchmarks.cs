using BenchmarkDotNet.Attributes;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// What the client does to a Request body before it is sent: serialise it to the UTF-8 bytes it sends and sign them
/// </summary>
public class RequestBodyBenchmarks
{
    private const string ChannelSecret = "0123456789abcdef0123456789abcdef";
    private const string Nonce = "c1d8a3e2-7f4b-4c51-9a0e-2b6f3d9e8a71";

    private PaymentRequest _request;

    [Params(1, 40)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void CreateRequest() => _request = SampleRequests.Create(Lines);

    [Benchmark(Description = "serialise and sign a Request body")]
    public int SerializeAndSign()
    {
        var body = LinePayJson.SerializeToUtf8Bytes(_request, _request.Currency);
        var signature = LinePaySignature.ComputeUtf8(ChannelSecret, "/v3/payments/request", body, Nonce);

        return body.Length + signature.Length;
    }
}
