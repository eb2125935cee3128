using System.Diagnostics;
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
public static class CallOverheadRun
{
    private const string Currency = "TWD";

    public static async Task RunAsync(int pairs, int warmupPairs)
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
        var total = pairs + warmupPairs;

        //every Request reserves a new orderId, as checkout does (the emulator looks a repeated one up among its namesakes)
        var clientRequests = Enumerable.Range(0, total).Select(i => SampleRequests.Create(lines: 1, orderId: $"c-{i:D6}")).ToArray();
        var floorRequests = Enumerable.Range(0, total)
            .Select(i => PreparedCall.Request(options, SampleRequests.Create(lines: 1, orderId: $"f-{i:D6}"))).ToArray();
        var requests = await MeasureAsync(total, warmupPairs,
            i => client.RequestPaymentAsync(clientRequests[i]),
            i => floorRequests[i].SendAsync(http));

        Console.WriteLine($"Approving {2 * total} reservations for the Confirm pairs...");
        var clientTransactions = await ApprovedTransactionsAsync(client, emulator, total);
        var floorTransactions = await ApprovedTransactionsAsync(client, emulator, total);
        var amount = clientRequests[0].Amount;
        var floorConfirms = floorTransactions.Select(id => PreparedCall.Confirm(options, id, amount, Currency)).ToArray();
        var confirms = await MeasureAsync(total, warmupPairs,
            i => client.ConfirmPaymentAsync(clientTransactions[i], amount, Currency),
            i => floorConfirms[i].SendAsync(http));

        new Table($"LinePayClient against the floor, emulator on loopback ({pairs} pairs after {warmupPairs} warm-up pairs; µs)",
                "call", "client median", "floor median", "ratio of medians", "median of pair ratios", "ratio, client first",
                "ratio, floor first", "client p90", "floor p90", "target")
            .Add(Row("Request (1 line)", requests))
            .Add(Row("Confirm", confirms))
            .Print();
    }

    private static object[] Row(string call, PairedLatencies times) =>
    [
        call, times.Client.Median * 1000, times.Floor.Median * 1000, times.RatioOfMedians, times.Client.MedianRatioTo(times.Floor),
        times.RatioWhenClientFirst, times.RatioWhenFloorFirst, times.Client.Percentile(90) * 1000,
        times.Floor.Percentile(90) * 1000, "≤ 1.10"
    ];

    private static async Task<PairedLatencies> MeasureAsync(int total, int warmupPairs, Func<int, Task> clientCall,
        Func<int, Task> floorCall)
    {
        var times = new PairedLatencies();
        for (var i = 0; i < total; i++)
        {
            var clientFirst = i % 2 == 0;
            TimeSpan client, floor;
            if (clientFirst)
            {
                client = await TimeAsync(() => clientCall(i));
                floor = await TimeAsync(() => floorCall(i));
            }
            else
            {
                floor = await TimeAsync(() => floorCall(i));
                client = await TimeAsync(() => clientCall(i));
            }

            if (i >= warmupPairs)
                times.Add(client, floor, clientFirst);
        }

        return times;
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
}
