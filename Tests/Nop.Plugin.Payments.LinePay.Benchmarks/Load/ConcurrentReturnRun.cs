using System.Diagnostics;
using LinePay.Emulator;
using LinePay.Emulator.Api;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Services.Orders;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Load;

/// <summary>
/// Many arrivals at the confirm return of one approved order at the same moment (refreshes, double clicks, several
/// web servers), through the real return controller and confirmation service: LINE Pay must see one Confirm and the
/// order must be marked paid once
/// </summary>
public static class ConcurrentReturnRun
{
    /// <returns>false when LINE Pay was asked to confirm more than once or the order was marked paid more than once</returns>
    public static async Task<bool> RunAsync(int arrivals)
    {
        var table = new Table($"{arrivals} concurrent arrivals at the confirm return of one order",
            "LINE Pay Confirm takes", "Confirm calls at LINE Pay", "confirmed on LINE Pay", "marked paid", "to order completed",
            "told in progress", "order status", "wall ms", "verdict");
        var correct = true;
        foreach (var processingTime in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(300) })
            correct &= await RunAsync(arrivals, processingTime, table);
        table.Print();

        return correct;
    }

    private static async Task<bool> RunAsync(int arrivals, TimeSpan processingTime, Table table)
    {
        await using var shop = await BenchmarkShop.StartAsync(new EmulatorSettings { ProcessingTime = processingTime });
        var (order, confirmUrl) = await shop.ApprovedOrderAsync();

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var returns = Enumerable.Range(0, arrivals)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await shop.Checkout.ArriveAsync(confirmUrl);
            }))
            .ToArray();
        var started = Stopwatch.GetTimestamp();
        start.SetResult();
        var results = await Task.WhenAll(returns);
        var wall = Stopwatch.GetElapsedTime(started);

        var payment = shop.Store.PaymentOf(order.Id);
        var confirmCalls = shop.Emulator.Journal.Count(LinePayEndpoint.Confirm);
        var confirmedOnLinePay = shop.Emulator.Transactions.Find(payment.TransactionId)!.ConfirmCount;
        var markedPaid = shop.Store.OrderProcessing.Service.Invocations
            .Count(invocation => invocation.Method.Name == nameof(IOrderProcessingService.MarkOrderAsPaidAsync));
        var completed = results.Count(result => result.RouteName == NopRouteNames.Standard.CHECKOUT_COMPLETED);
        var inProgress = results.Count(result => result.RouteName == NopRouteNames.Standard.ORDER_DETAILS);
        var correct = confirmCalls == 1 && confirmedOnLinePay == 1 && markedPaid == 1;

        table.Add($"{processingTime.TotalMilliseconds:F0} ms", confirmCalls, confirmedOnLinePay, markedPaid, completed, inProgress,
            shop.Store.GetOrder(order.Id).PaymentStatus, wall.TotalMilliseconds, correct ? "1 Confirm, paid once" : "VIOLATION");

        return correct;
    }
}
