using System.Diagnostics;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Benchmarks.Support;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Load;

/// <summary>
/// One run of the scheduled task over a store with a growing history of finished LINE Pay orders plus the same number
/// of open ones: the run's time and the generic attribute rows it reads must not grow with the history. The in-memory
/// store's GenericAttribute table has nopCommerce's index on (EntityId, KeyGroup), as the database has.
/// </summary>
public static class TaskOverHistoryRun
{
    private static readonly LinePayPaymentState[] _finished =
        [LinePayPaymentState.Paid, LinePayPaymentState.Failed, LinePayPaymentState.Refunded, LinePayPaymentState.Cancelled];

    public static async Task RunAsync(IReadOnlyList<int> histories, int openOrders)
    {
        var table = new Table($"One run of the reconciliation task: finished LINE Pay orders in the store, plus {openOrders} approved payments whose return never came",
            "finished orders", "run (ms)", "rows read", "LINE Pay calls", "paid", "next run, nothing due (ms)", "rows read");
        foreach (var history in histories)
        {
            await using var shop = await BenchmarkShop.StartAsync();
            Console.WriteLine($"Storing {history} finished orders and {openOrders} open ones...");
            AddHistory(shop, history);
            var open = new List<int>();
            for (var i = 0; i < openOrders; i++)
            {
                var (order, _) = await shop.ApprovedOrderAsync(100m + i);
                var payment = shop.Store.PaymentOf(order.Id);
                payment.RequestedOnUtc -= TimeSpan.FromMinutes(6);
                shop.Store.SavePayment(order.Id, payment);
                open.Add(order.Id);
            }

            var (first, firstRows, calls) = await RunTaskAsync(shop);
            var (second, secondRows, _) = await RunTaskAsync(shop);
            var paid = open.Count(orderId => shop.Store.GetOrder(orderId).PaymentStatus == PaymentStatus.Paid);
            table.Add(history, first.TotalMilliseconds, firstRows, calls, $"{paid}/{openOrders}", second.TotalMilliseconds, secondRows);
        }
        table.Print();
    }

    private static async Task<(TimeSpan Time, long RowsRead, int LinePayCalls)> RunTaskAsync(BenchmarkShop shop)
    {
        var rowsBefore = shop.Store.AttributeRowsRead;
        var callsBefore = shop.Emulator.Journal.Calls.Count;
        var started = Stopwatch.GetTimestamp();
        await shop.Checkout.ReconciliationTask.ExecuteAsync();
        var time = Stopwatch.GetElapsedTime(started);

        return (time, shop.Store.AttributeRowsRead - rowsBefore, shop.Emulator.Journal.Calls.Count - callsBefore);
    }

    // records of payments finished long ago, as the store keeps them: paid months ago, failed, refunded, cancelled
    private static void AddHistory(BenchmarkShop shop, int count)
    {
        var longAgo = DateTime.UtcNow.AddDays(-120);
        for (var i = 0; i < count; i++)
        {
            var order = shop.Store.PlaceOrder(1500m, createdOnUtc: longAgo);
            shop.Store.SavePayment(order.Id, new LinePayOrderPayment
            {
                TransactionId = 2025080100000000000 + i,
                LinePayOrderId = LinePayOrderIds.Create(order.OrderGuid, 1),
                Attempt = 1,
                Amount = 1500m,
                Currency = "TWD",
                State = _finished[i % _finished.Length],
                RequestedOnUtc = longAgo,
                ConfirmedOnUtc = longAgo,
                StateChangedOnUtc = longAgo,
                UpdatedOnUtc = longAgo
            });
        }
    }
}
