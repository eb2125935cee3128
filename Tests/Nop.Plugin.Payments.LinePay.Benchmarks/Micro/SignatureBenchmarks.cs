using BenchmarkDotNet.Attributes;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// X-LINE-Authorization of a Confirm call: HMAC-SHA256 over secret, path, body and nonce
/// </summary>
public class SignatureBenchmarks
{
    private const string ChannelSecret = "0123456789abcdef0123456789abcdef";
    private const string ApiPath = "/v3/payments/2025061512345678901/confirm";
    private const string Body = """{"amount":1500,"currency":"TWD"}""";
    private const string Nonce = "c1d8a3e2-7f4b-4c51-9a0e-2b6f3d9e8a71";

    [Benchmark(Description = "signature of a Confirm call")]
    public string Compute() => LinePaySignature.Compute(ChannelSecret, ApiPath, Body, Nonce);
}
