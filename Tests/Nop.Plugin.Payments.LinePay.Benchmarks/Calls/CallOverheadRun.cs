using System.Diagnostics;
using System.Text.Json;
using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// Request and Confirm through <see cref="LinePayClient"/> against the emulator on loopback, each call paired with the
/// floor (the same pre-signed bytes over the same HttpClient) and the order of the pair alternating, so that both see
/// the same machine. Every Confirm, the client's and the floor's, confirms its own approved transaction.
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
        var clientRequests = Enumerable.Range(0, total).Select(i => SampleRequests.Create(lines: 1, orderId: $"client-{i}")).ToArray();
        var floorRequests = Enumerable.Range(0, total)
            .Select(i => PreparedCall.Request(options, SampleRequests.Create(lines: 1, orderId: $"floor-{i}"))).ToArray();
        var (clientRequestTimes, floorRequestTimes) = await MeasureAsync(total, warmupPairs,
            i => client.RequestPaymentAsync(clientRequests[i]),
            i => floorRequests[i].SendAsync(http));

        Console.WriteLine($"Approving {2 * total} reservations for the Confirm pairs...");
        var clientTransactions = await ApprovedTransactionsAsync(client, emulator, total);
        var floorTransactions = await ApprovedTransactionsAsync(client, emulator, total);
        var amount = clientRequests[0].Amount;
        var floorConfirms = floorTransactions.Select(id => PreparedCall.Confirm(options, id, amount, Currency)).ToArray();
        var (clientConfirmTimes, floorConfirmTimes) = await MeasureAsync(total, warmupPairs,
            i => client.ConfirmPaymentAsync(clientTransactions[i], amount, Currency),
            i => floorConfirms[i].SendAsync(http));

        new Table($"LinePayClient against the floor, emulator on loopback ({pairs} pairs after {warmupPairs} warm-up pairs; µs)",
                "call", "client median", "floor median", "ratio of medians", "median of pair ratios", "client p90", "floor p90", "target")
            .Add(Row("Request (1 line)", clientRequestTimes, floorRequestTimes))
            .Add(Row("Confirm", clientConfirmTimes, floorConfirmTimes))
            .Print();
    }

    private static object[] Row(string call, Latencies client, Latencies floor) =>
    [
        call, client.Median * 1000, floor.Median * 1000, client.Median / floor.Median, client.MedianRatioTo(floor),
        client.Percentile(90) * 1000, floor.Percentile(90) * 1000, "≤ 1.10"
    ];

    private static async Task<(Latencies Client, Latencies Floor)> MeasureAsync(int total, int warmupPairs,
        Func<int, Task> clientCall, Func<int, Task<string>> floorCall)
    {
        var client = new Latencies();
        var floor = new Latencies();
        for (var i = 0; i < total; i++)
        {
            var record = i >= warmupPairs;
            if (i % 2 == 0)
            {
                await TimeAsync(() => clientCall(i), client, record);
                RequireSuccess(await TimeAsync(() => floorCall(i), floor, record));
            }
            else
            {
                RequireSuccess(await TimeAsync(() => floorCall(i), floor, record));
                await TimeAsync(() => clientCall(i), client, record);
            }
        }

        return (client, floor);
    }

    private static async Task TimeAsync(Func<Task> call, Latencies latencies, bool record)
    {
        var start = Stopwatch.GetTimestamp();
        await call();
        if (record)
            latencies.Add(start);
    }

    private static async Task<T> TimeAsync<T>(Func<Task<T>> call, Latencies latencies, bool record)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        if (record)
            latencies.Add(start);
        return result;
    }

    // the client throws on any other code; the floor's answer is checked here, outside the timing
    private static void RequireSuccess(string answer)
    {
        var returnCode = JsonDocument.Parse(answer).RootElement.GetProperty("returnCode").GetString();
        if (returnCode != "0000")
            throw new InvalidOperationException($"The floor call was refused: {answer}");
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
