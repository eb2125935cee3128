using System.Diagnostics;
using System.Runtime;
using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// Request and Confirm through <see cref="LinePayClient"/> against the emulator on loopback, side by side in rounds with
/// the floor (the same pre-signed bytes over the same HttpClient) and the signed floor (the floor that also signs each
/// call, <see cref="SignedCall"/>); who goes first rotates from round to round, so that all three see the same machine.
/// All send requests of the same length to the same handler: every Request reserves its own orderId (the same length
/// on every side), every Confirm confirms its own approved transaction.
/// </summary>
/// <remarks>
/// The rounds are timed only once the process is in its steady state: tiered compilation takes the hot code of the
/// client, Newtonsoft.Json, Kestrel and HttpClient through three compilations each (quick, instrumented, optimised),
/// which on a busy 2-CPU machine goes on for thousands of calls. Until then the client's code, compiled from IL, runs
/// partly unoptimised while the framework code of the floor starts precompiled, and the ratio measures the JIT.
/// </remarks>
public static class CallOverheadRun
{
    private const string Currency = "TWD";
    private const int BatchRounds = 250;

    public static async Task RunAsync(int rounds, WarmUp warmUp)
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
        var requests = await MeasureAsync(rounds, warmUp, (first, count) =>
        {
            var batch = new Round[count];
            for (var i = 0; i < count; i++)
            {
                var clientRequest = SampleRequests.Create(lines: 1, orderId: $"c-{first + i:D6}");
                var floor = PreparedCall.Request(options, SampleRequests.Create(lines: 1, orderId: $"f-{first + i:D6}"));
                var signed = SignedCall.Request(options, SampleRequests.Create(lines: 1, orderId: $"s-{first + i:D6}"));
                batch[i] = new Round(() => client.RequestPaymentAsync(clientRequest), () => floor.SendAsync(http), () => signed.SendAsync(http));
            }

            return Task.FromResult(batch);
        });

        var amount = SampleRequests.Create(lines: 1).Amount;
        var confirms = await MeasureAsync(rounds, warmUp, async (_, count) =>
        {
            var batch = new Round[count];
            var transactions = await ApprovedTransactionsAsync(client, emulator, 3 * count);
            for (var i = 0; i < count; i++)
            {
                var clientTransaction = transactions[3 * i];
                var floor = PreparedCall.Confirm(options, transactions[3 * i + 1], amount, Currency);
                var signed = SignedCall.Confirm(options, transactions[3 * i + 2], amount, Currency);
                batch[i] = new Round(() => client.ConfirmPaymentAsync(clientTransaction, amount, Currency), () => floor.SendAsync(http),
                    () => signed.SendAsync(http));
            }

            return batch;
        });

        new Table($"LinePayClient against the floor, emulator on loopback ({rounds} rounds after the warm-up; µs)",
                "call", "client median", "floor median", "signed floor median", "client / floor", "median of round ratios",
                "signed floor / floor", "client / signed floor", "client p90", "floor p90", "target")
            .Add(Row("Request (1 line)", requests.Times))
            .Add(Row("Confirm", confirms.Times))
            .Print();
        new Table("Warm-up before the timed rounds (methods compiled: quick, instrumented or optimised)",
                "call", "warm-up rounds", "compiled while timed", "settled")
            .Add("Request (1 line)", requests.WarmUpRounds, requests.CompiledWhileTimed, requests.Settled ? "yes" : "no (limit reached)")
            .Add("Confirm", confirms.WarmUpRounds, confirms.CompiledWhileTimed, confirms.Settled ? "yes" : "no (limit reached)")
            .Print();
    }

    private static object[] Row(string call, CallLatencies times) =>
    [
        call, times.Client.Median * 1000, times.Floor.Median * 1000, times.Signed.Median * 1000,
        times.Client.Median / times.Floor.Median, times.Client.MedianRatioTo(times.Floor), times.Signed.Median / times.Floor.Median,
        times.Client.Median / times.Signed.Median, times.Client.Percentile(90) * 1000, times.Floor.Percentile(90) * 1000, "≤ 1.10"
    ];

    /// <summary>
    /// Runs batches of rounds, prepared untimed, until the JIT has settled (no batch compiled more than
    /// <see cref="WarmUp.SettledCompilations"/> methods for <see cref="WarmUp.QuietTime"/>) or the warm-up limit is
    /// reached, then times <paramref name="rounds"/> rounds
    /// </summary>
    /// <param name="prepareBatch">Builds the rounds [first, first + count)</param>
    private static async Task<Measurement> MeasureAsync(int rounds, WarmUp warmUp, Func<int, int, Task<Round[]>> prepareBatch)
    {
        var measurement = new Measurement();
        var index = 0;
        var quietSince = Stopwatch.GetTimestamp();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (true)
        {
            await RunBatchAsync(index, BatchRounds, prepareBatch, times: null);
            index += BatchRounds;
            var compiledInBatch = JitInfo.GetCompiledMethodCount() - compiled;
            compiled += compiledInBatch;
            if (compiledInBatch > warmUp.SettledCompilations)
                quietSince = Stopwatch.GetTimestamp();

            //tiering works in bursts a call-counting delay apart: one quiet batch is not a settled JIT
            measurement.Settled = Stopwatch.GetElapsedTime(quietSince) >= warmUp.QuietTime;
            if (index >= warmUp.MinimumRounds && (measurement.Settled || index >= warmUp.MaximumRounds))
                break;
        }

        measurement.WarmUpRounds = index;
        var compiledBeforeTiming = JitInfo.GetCompiledMethodCount();
        for (var timed = 0; timed < rounds; timed += BatchRounds)
        {
            await RunBatchAsync(index, Math.Min(BatchRounds, rounds - timed), prepareBatch, measurement.Times);
            index += BatchRounds;
        }

        measurement.CompiledWhileTimed = JitInfo.GetCompiledMethodCount() - compiledBeforeTiming;
        return measurement;
    }

    private static async Task RunBatchAsync(int first, int count, Func<int, int, Task<Round[]>> prepareBatch, CallLatencies times)
    {
        var batch = await prepareBatch(first, count);
        var durations = new TimeSpan[3];
        for (var i = 0; i < count; i++)
        {
            var calls = batch[i].Calls;
            for (var turn = 0; turn < calls.Length; turn++)
            {
                var call = (first + i + turn) % calls.Length;
                durations[call] = await TimeAsync(calls[call]);
            }

            times?.Add(durations[0], durations[1], durations[2]);
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

    /// <param name="MinimumRounds">Rounds run untimed in any case</param>
    /// <param name="MaximumRounds">Rounds after which the timing starts even if the JIT is still compiling</param>
    /// <param name="SettledCompilations">Methods a batch of 250 rounds may still compile with the JIT counted as quiet</param>
    /// <param name="QuietTime">How long the JIT must stay quiet to count as settled</param>
    public sealed record WarmUp(int MinimumRounds, int MaximumRounds, int SettledCompilations, TimeSpan QuietTime);

    /// <summary>The client's call, the floor's and the signed floor's, in this order</summary>
    private sealed record Round(params Func<Task>[] Calls);

    private sealed class Measurement
    {
        public CallLatencies Times { get; } = new();

        public int WarmUpRounds { get; set; }

        public long CompiledWhileTimed { get; set; }

        public bool Settled { get; set; }
    }
}
