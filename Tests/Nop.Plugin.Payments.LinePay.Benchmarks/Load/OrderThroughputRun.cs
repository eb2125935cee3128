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
    /// <param name="warmUpOrders">Orders confirmed the same way beforehand, untimed, so that the timed ones run compiled code</param>
    public static async Task RunAsync(int orders, int concurrency, int warmUpOrders)
    {
        await using var shop = await BenchmarkShop.StartAsync();

        Console.WriteLine($"Placing and approving {warmUpOrders} + {orders} orders...");
        var warmUp = await ApprovedOrdersAsync(shop, warmUpOrders);
        var approved = await ApprovedOrdersAsync(shop, orders);
        await ConfirmAllAsync(shop, warmUp, concurrency, new Latencies());

        var confirmsBefore = shop.Emulator.Journal.Count(LinePayEndpoint.Confirm);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var latencies = new Latencies();
        var started = Stopwatch.GetTimestamp();
        var completed = await ConfirmAllAsync(shop, approved, concurrency, latencies);
        var wall = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var paid = approved.Count(entry => shop.Store.GetOrder(entry.OrderId).PaymentStatus == PaymentStatus.Paid);
        using var process = Process.GetCurrentProcess();
        new Table($"{orders} distinct orders confirmed, {concurrency} at a time, after {warmUpOrders} untimed (latency of the whole confirm handling, ms)",
                "orders/s", "p50", "p95", "p99", "max", "paid", "Confirm calls", "allocated per order (KB, with emulator)",
                "peak working set (MB)", "GC heap after (MB)")
            .Add(orders / wall.TotalSeconds, latencies.Median, latencies.Percentile(95), latencies.Percentile(99), latencies.Percentile(100),
                $"{paid}/{orders}", shop.Emulator.Journal.Count(LinePayEndpoint.Confirm) - confirmsBefore, allocated / 1024.0 / orders,
                process.PeakWorkingSet64 / 1024.0 / 1024.0, GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0)
            .Print();
        if (completed != orders || paid != orders)
            Console.WriteLine($"WARNING: {orders - completed} returns did not reach the completed page, {orders - paid} orders are not paid.");
    }

    //checkout runs one request at a time in the test store (it has one current HttpContext)
    private static async Task<List<(int OrderId, Uri ConfirmUrl)>> ApprovedOrdersAsync(BenchmarkShop shop, int count)
    {
        var approved = new List<(int OrderId, Uri ConfirmUrl)>(count);
        for (var i = 0; i < count; i++)
        {
            var (order, confirmUrl) = await shop.ApprovedOrderAsync(100m + i);
            approved.Add((order.Id, confirmUrl));
        }

        return approved;
    }

    /// <returns>How many returns reached the completed page</returns>
    private static async Task<int> ConfirmAllAsync(BenchmarkShop shop, List<(int OrderId, Uri ConfirmUrl)> approved, int concurrency,
        Latencies latencies)
    {
        var completed = 0;
        await Parallel.ForEachAsync(approved, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (entry, _) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var result = await shop.Checkout.ArriveAsync(entry.ConfirmUrl);
            latencies.Add(arrived);
            if (result.RouteName == NopRouteNames.Standard.CHECKOUT_COMPLETED)
                Interlocked.Increment(ref completed);
        });

        return completed;
    }
}
