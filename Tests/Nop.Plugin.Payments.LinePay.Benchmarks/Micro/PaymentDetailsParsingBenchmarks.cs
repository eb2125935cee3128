using BenchmarkDotNet.Attributes;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// Reading a Payment Details answer of 10 captured payments with two refunds each into the client's types
/// </summary>
public class PaymentDetailsParsingBenchmarks
{
    private string _json;

    [GlobalSetup]
    public void CreateAnswer() => _json = PaymentDetailsSample.CreateAsync(entries: 10).GetAwaiter().GetResult();

    [Benchmark(Description = "parse Payment Details, 10 entries with refunds")]
    public List<PaymentDetailsInfo> Parse() => LinePayJson.Deserialize<LinePayResponse<List<PaymentDetailsInfo>>>(_json).Info;
}
