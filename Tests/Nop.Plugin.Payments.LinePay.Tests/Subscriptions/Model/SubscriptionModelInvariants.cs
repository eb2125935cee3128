using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// What must hold once a sequence is over and the task has run with LINE Pay reachable: each cycle charged at most
/// once, every charge LINE Pay made recorded by exactly one order or given back, every paid cycle order backed by LINE
/// Pay's money, the history complete, an ended subscription's keys expired, and no key written anywhere in full
/// </summary>
public static class SubscriptionModelInvariants
{
    private static readonly TransactionState[] _charged =
        [TransactionState.Authorized, TransactionState.Captured, TransactionState.Refunded, TransactionState.Voided, TransactionState.AuthorizationExpired];

    /// <summary>
    /// Gets the invariants the world breaks, described; empty when it keeps them all
    /// </summary>
    public static IList<string> Violations(SubscriptionModelWorld world, EmulatorHost emulator)
    {
        var violations = new List<string>();
        var store = world.Store;
        var subscription = world.SubscriptionOf();
        var transactions = emulator.Transactions.All();
        var history = store.HistoryOrderIds(world.RecurringPayment.Id);
        var cycleOrders = history.Skip(1).Select(store.GetOrder).ToList();

        var cycleCharges = transactions
            .Where(t => LinePayOrderIds.TryParseCycle(t.OrderId, out var guid, out _) && guid == world.FirstOrder.OrderGuid && _charged.Contains(t.State))
            .ToList();
        foreach (var cycle in cycleCharges.GroupBy(t => Cycle(t.OrderId)).Where(cycle => cycle.Count() > 1))
            violations.Add($"cycle {cycle.Key} was charged {cycle.Count()} times: transactions {string.Join(", ", cycle.Select(t => t.TransactionId))}");

        foreach (var charged in cycleCharges)
        {
            var orders = cycleOrders.Where(order => order.SubscriptionTransactionId == charged.OrderId).ToList();
            var record = subscription?.Charges.LastOrDefault(charge => charge.LinePayOrderId == charged.OrderId);
            var givenBack = charged.State is TransactionState.Voided or TransactionState.AuthorizationExpired
                || charged.State == TransactionState.Refunded && charged.RefundedAmount == charged.Amount;
            if (orders.Count == 1 && store.PaymentOf(orders[0].Id)?.TransactionId == charged.TransactionId)
                continue;
            if (orders.Count == 0 && givenBack && record?.State == LinePayCycleState.Returned)
                continue;

            violations.Add($"LINE Pay charged {charged.OrderId} (transaction {charged.TransactionId}, {charged.State}) but {orders.Count} order(s) record it "
                + $"and the subscription says {record?.State.ToString() ?? "nothing"}");
        }

        foreach (var order in cycleOrders.Where(order => order.PaymentStatus is PaymentStatus.Paid or PaymentStatus.Authorized or PaymentStatus.PartiallyRefunded))
        {
            var payment = store.PaymentOf(order.Id);
            var backing = payment is null ? null : emulator.Transactions.Find(payment.TransactionId);
            if (backing is null || !_charged.Contains(backing.State) || backing.Amount != SubscriptionModelWorld.Total || backing.Currency != "TWD")
                violations.Add($"cycle order {order.Id} is {order.PaymentStatus} without LINE Pay holding its {SubscriptionModelWorld.Total} TWD ({backing?.State.ToString() ?? "no transaction"})");
        }

        if (history.Distinct().Count() != history.Count)
            violations.Add($"the history lists an order twice: {string.Join(", ", history)}");
        if (history.FirstOrDefault() != world.FirstOrder.Id)
            violations.Add("the first order is not the history's first row");

        var recurringPayment = store.GetRecurringPayment(world.RecurringPayment.Id);
        if (!recurringPayment.IsActive || recurringPayment.Deleted)
        {
            var orderGuids = cycleOrders.Select(order => order.OrderGuid).Append(world.FirstOrder.OrderGuid).Select(guid => guid.ToString("N")).ToList();
            var issuedBy = transactions.Where(t => orderGuids.Any(guid => t.OrderId.StartsWith(guid, StringComparison.Ordinal))).Select(t => t.TransactionId).ToHashSet();
            foreach (var key in emulator.RegKeys.All().Where(key => issuedBy.Contains(key.TransactionId) && key.Usable))
                violations.Add($"the subscription ended ({(recurringPayment.Deleted ? "deleted" : "cancelled")}) but LINE Pay still charges its key issued by transaction {key.TransactionId}");
        }

        var written = store.Log.Select(entry => entry.Message).Concat(store.OrderProcessing.RecurringErrorsLogged)
            .Concat(history.SelectMany(id => store.NotesOf(id)).Select(note => note.Note)).ToList();
        foreach (var key in emulator.RegKeys.All().Where(key => written.Any(text => text.Contains(key.RegKey, StringComparison.Ordinal))))
            violations.Add($"a regKey issued by transaction {key.TransactionId} was written in full");

        return violations;
    }

    private static int Cycle(string orderId) => LinePayOrderIds.TryParseCycle(orderId, out _, out var cycle) ? cycle : 0;
}
