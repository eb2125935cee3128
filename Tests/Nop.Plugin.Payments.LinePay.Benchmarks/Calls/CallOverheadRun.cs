using System.Diagnostics;
using System.Runtime;
using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// Request and Confirm through <see cref="LinePayClient"/> against the emulator on loopback, each call paired with the
/// floor (the same pre-signed bytes over the same HttpClient) and the order of the pair alternating, so that both see
/// the same machine. Both send requests of the same length to the same handler: every Request reserves its own orderId
/// (the same length on both sides), every Confirm confirms its own approved transaction.
/// </summary>
/// <remarks>
/// The pairs are timed only once the process is in its steady state: tiered compilation takes the hot code of the
/// client, Newtonsoft.Json, Kestrel and HttpClient through three compilations each (quick, instrumented, optimised),
/// which on a busy 2-CPU machine goes on for thousands of calls. Until then the client's code, compiled from IL, runs
/// partly unoptimised while the framework code of the floor starts precompiled, and the ratio measures the JIT.
/// </remarks>
public static class CallOverheadRun
{
    private const string Currency = "TWD";
    private const int BatchPairs = 250;

    public static async Task RunAsync(int pairs, WarmUp warmUp)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var options = new LinePayClientOptions
        {
            ChannelId = emulator.ChannelId,
            ChannelSecret = emulator.ChannelSecret,
            BaseAddress = emulator.BaseAddress
        };
        using var http = new HttpClient(LinePayClient.CreateHttpHandler());
        var client = new LinePayClient(http, options);

        //every Request reserves a new orderId, as checkout does (the emulator looks a repeated one up among its namesakes)
        var requests = await MeasureAsync(pairs, warmUp, (first, count) =>
        {
            var clientCalls = new Func<Task>[count];
            var floorCalls = new Func<Task>[count];
            for (var i = 0; i < count; i++)
            {
                var clientRequest = SampleRequests.Create(lines: 1, orderId: $"c-{first + i:D6}");
                var floorRequest = PreparedCall.Request(options, SampleRequests.Create(lines: 1, orderId: $"f-{first + i:D6}"));
                clientCalls[i] = () => client.RequestPaymentAsync(clientRequest);
                floorCalls[i] = () => floorRequest.SendAsync(http);
            }

            return Task.FromResult((clientCalls, floorCalls));
        });

        var amount = SampleRequests.Create(lines: 1).Amount;
        var confirms = await MeasureAsync(pairs, warmUp, async (_, count) =>
        {
            var clientTransactions = await ApprovedTransactionsAsync(client, emulator, count);
            var floorTransactions = await ApprovedTransactionsAsync(client, emulator, count);
            var clientCalls = clientTransactions.Select(id => (Func<Task>)(() => client.ConfirmPaymentAsync(id, amount, Currency))).ToArray();
            var floorCalls = floorTransactions.Select(id => PreparedCall.Confirm(options, id, amount, Currency))
                .Select(floor => (Func<Task>)(() => floor.SendAsync(http))).ToArray();
            return (clientCalls, floorCalls);
        });

        new Table($"LinePayClient against the floor, emulator on loopback ({pairs} pairs after the warm-up; µs)",
                "call", "client median", "floor median", "ratio of medians", "median of pair ratios", "ratio, client first",
                "ratio, floor first", "client p90", "floor p90", "target")
            .Add(Row("Request (1 line)", requests.Times))
            .Add(Row("Confirm", confirms.Times))
            .Print();
        new Table("Warm-up before the timed pairs (methods compiled: quick, instrumented or optimised)",
                "call", "warm-up pairs", "compiled while timed", "settled")
            .Add("Request (1 line)", requests.WarmUpPairs, requests.CompiledWhileTimed, requests.Settled ? "yes" : "no (limit reached)")
            .Add("Confirm", confirms.WarmUpPairs, confirms.CompiledWhileTimed, confirms.Settled ? "yes" : "no (limit reached)")
            .Print();
    }

    private static object[] Row(string call, PairedLatencies times) =>
    [
        call, times.Client.Median * 1000, times.Floor.Median * 1000, times.RatioOfMedians, times.Client.MedianRatioTo(times.Floor),
        times.RatioWhenClientFirst, times.RatioWhenFloorFirst, times.Client.Percentile(90) * 1000,
        times.Floor.Percentile(90) * 1000, "≤ 1.10"
    ];

    /// <summary>
    /// Runs batches of pairs, prepared untimed, until the JIT has settled (no batch compiled more than
    /// <see cref="WarmUp.SettledCompilations"/> methods for <see cref="WarmUp.QuietTime"/>) or the warm-up limit is
    /// reached, then times <paramref name="pairs"/> pairs
    /// </summary>
    /// <param name="prepareBatch">Builds the client's and the floor's calls of pairs [first, first + count)</param>
    private static async Task<Measurement> MeasureAsync(int pairs, WarmUp warmUp,
        Func<int, int, Task<(Func<Task>[] Client, Func<Task>[] Floor)>> prepareBatch)
    {
        var measurement = new Measurement();
        var index = 0;
        var quietSince = Stopwatch.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (true)
        {
            await RunBatchAsync(index, BatchPairs, prepareBatch, times: null);
            index += BatchPairs;
            var compiledInBatch = JitInfo.GetCompiledMethodCount() - compiled;
            compiled += compiledInBatch;
            if (compiledInBatch > warmUp.SettledCompilations)
                quietSince = Stopwatch.GetTimestamp();

            //tiering works in bursts a call-counting delay apart: one quiet batch is not a settled JIT
            measurement.Settled = Stopwatch.GetElapsedTime(quietSince) >= warmUp.QuietTime;
            if (index >= warmUp.MinimumPairs && (measurement.Settled || index >= warmUp.MaximumPairs))
                break;
        }

        measurement.WarmUpPairs = index;
        var compiledBeforeTiming = JitInfo.GetCompiledMethodCount();
        for (var timed = 0; timed < pairs; timed += BatchPairs)
        {
            await RunBatchAsync(index, Math.Min(BatchPairs, pairs - timed), prepareBatch, measurement.Times);
            index += BatchPairs;
        }

        measurement.CompiledWhileTimed = JitInfo.GetCompiledMethodCount() - compiledBeforeTiming;
        return measurement;
    }

    private static async Task RunBatchAsync(int first, int count, Func<int, int, Task<(Func<Task>[] Client, Func<Task>[] Floor)>> prepareBatch,
        PairedLatencies times)
    {
        var (clientCalls, floorCalls) = await prepareBatch(first, count);
        for (var i = 0; i < count; i++)
        {
            var clientFirst = (first + i) % 2 == 0;
            TimeSpan client, floor;
            if (clientFirst)
            {
                client = await TimeAsync(clientCalls[i]);
                floor = await TimeAsync(floorCalls[i]);
            }
            else
            {
                floor = await TimeAsync(floorCalls[i]);
                client = await TimeAsync(clientCalls[i]);
            }

            times?.Add(client, floor, clientFirst);
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> call)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(start);
    }

    private static async Task<long[]> ApprovedTransactionsAsync(LinePayClient client, EmulatorHost emulator, int count)
    {
        var transactionIds = new long[count];
        for (var i = 0; i < count; i++)
        {
            var reserved = await client.RequestPaymentAsync(SampleRequests.Create(lines: 1, orderId: Guid.NewGuid().ToString()));
            await emulator.ApproveAsync(reserved.TransactionId);
            transactionIds[i] = reserved.TransactionId;
        }

        return transactionIds;
    }

    /// <param name="MinimumPairs">Pairs run untimed in any case</param>
    /// <param name="MaximumPairs">Pairs after which the timing starts even if the JIT is still compiling</param>
    /// <param name="SettledCompilations">Methods a batch of 250 pairs may still compile with the JIT counted as quiet</param>
    /// <param name="QuietTime">How long the JIT must stay quiet to count as settled</param>
    public sealed record WarmUp(int MinimumPairs, int MaximumPairs, int SettledCompilations, TimeSpan QuietTime);

    private sealed class Measurement
    {
        public PairedLatencies Times { get; } = new();

        public int WarmUpPairs { get; set; }

        public long CompiledWhileTimed { get; set; }

        public bool Settled { get; set; }
    }
}
