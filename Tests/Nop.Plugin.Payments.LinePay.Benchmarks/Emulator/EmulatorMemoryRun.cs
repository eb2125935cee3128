using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Emulator;

/// <summary>
/// Signed API calls from concurrent payments (<see cref="PaymentFlow"/>) against an in-process emulator with its default
/// settings, on loopback: the managed heap after a full GC, the working set, the journal and the transactions kept at
/// 0, 10 %, 25 %, 50 % and 100 % of the calls, to see that the emulator's memory stays bounded over long runs
/// </summary>
public static class EmulatorMemoryRun
{
    private static readonly double[] Checkpoints = [0.1, 0.25, 0.5, 1.0];

    /// <returns>false when a call was answered with something else than expected</returns>
    public static async Task<bool> RunAsync(long calls, int concurrency)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var counter = new CallCounter();
        var flow = new PaymentFlow(api, emulator, counter);
        long payments = 0;

        var table = new Table(
            $"Emulator memory over {calls:N0} signed API calls, {concurrency} payments at a time (JournalCapacity " +
            $"{emulator.Settings.JournalCapacity:N0}, TransactionCapacity {emulator.Settings.TransactionCapacity:N0})",
            "calls", "managed heap after full GC (MB)", "working set (MB)", "journal", "transactions", "refund ids",
            "calls/s since the row before");
        table.Add(Row(emulator, 0, "–"));
        Console.WriteLine($"Sending {calls:N0} signed API calls to the emulator, {concurrency} payments at a time...");

        var wall = Stopwatch.StartNew();
        foreach (var checkpoint in Checkpoints)
        {
            var target = (long)(calls * checkpoint);
            var before = counter.Calls;
            var phase = Stopwatch.StartNew();
            // Each worker starts payments until the target is reached; payments under way finish, so a row may hold a
            // few more calls than its target.
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (counter.Calls < target)
                    await flow.RunAsync(Interlocked.Increment(ref payments));
            })));
            phase.Stop();
            var sent = counter.Calls;
            table.Add(Row(emulator, sent, (sent - before) / phase.Elapsed.TotalSeconds));
        }

        wall.Stop();
        table.Print();
        Console.WriteLine($"{counter.Calls:N0} calls for {payments:N0} payments in {wall.Elapsed.TotalSeconds:F0} s: " +
            $"{counter.Calls / wall.Elapsed.TotalSeconds:F0} calls/s (measurements excluded: the clock stops at each row); " +
            $"unexpected answers: {counter.Unexpected}");
        foreach (var surprise in counter.FirstSurprises)
            Console.WriteLine($"  unexpected: {surprise}");

        return counter.Unexpected == 0;
    }

    private static object[] Row(EmulatorHost emulator, long calls, object callsPerSecond)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();

        return
        [
            Thousands(calls), heap / 1024.0 / 1024.0, process.WorkingSet64 / 1024.0 / 1024.0, Thousands(emulator.Journal.Calls.Count),
            Thousands(emulator.Transactions.Count), Thousands(emulator.Transactions.IndexSizes().RefundIds), callsPerSecond
        ];
    }

    private static string Thousands(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
