using System.Diagnostics;
using LinePay.Emulator.Api;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Load;

/// <summary>
/// Distinct approved orders arriving at the confirm return with a fixed number in flight: the whole confirm handling
/// (controller, confirmation service, LINE Pay Confirm over loopback, order update, notes) per order
/// </summary>
public static class OrderThroughputRun
{
    public static async Task RunAsync(int orders, int concurrency)
    {
        await using var shop = await BenchmarkShop.StartAsync();

        //checkout runs one request at a time in the test store (it has one current HttpContext)
        Console.WriteLine($"Placing and approving {orders} orders...");
        var approved = new List<(int OrderId, Uri ConfirmUrl)>(orders);
        for (var i = 0; i < orders; i++)
        {
            var (order, confirmUrl) = await shop.ApprovedOrderAsync(100m + i);
            approved.Add((order.Id, confirmUrl));
        }

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var latencies = new Latencies();
        var completed = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(approved, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entry, _) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var result = await shop.Checkout.ArriveAsync(entry.ConfirmUrl);
            latencies.Add(arrived);
            if (result.RouteName == NopRouteNames.Standard.CHECKOUT_COMPLETED)
                Interlocked.Increment(ref completed);
        });
        var wall = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var paid = approved.Count(entry => shop.Store.GetOrder(entry.OrderId).PaymentStatus == PaymentStatus.Paid);
        using var process = Process.GetCurrentProcess();
        new Table($"{orders} distinct orders confirmed, {concurrency} at a time (latency of the whole confirm handling, ms)",
                "orders/s", "p50", "p95", "p99", "max", "paid", "Confirm calls", "allocated per order (KB, with emulator)",
                "peak working set (MB)", "GC heap after (MB)")
            .Add(orders / wall.TotalSeconds, latencies.Median, latencies.Percentile(95), latencies.Percentile(99), latencies.Percentile(100),
                $"{paid}/{orders}", shop.Emulator.Journal.Count(LinePayEndpoint.Confirm), allocated / 1024.0 / orders,
                process.PeakWorkingSet64 / 1024.0 / 1024.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0)
            .Print();
        if (completed != orders || paid != orders)
            Console.WriteLine($"WARNING: {orders - completed} returns did not reach the completed page, {orders - paid} orders are not paid.");
    }
}
