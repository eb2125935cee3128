using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// What must hold once a sequence is over and the task has run with LINE Pay reachable: the store and LINE Pay agree
/// on every order's money, no transaction was confirmed twice, and no payment is left open
/// </summary>
public static class PaymentModelInvariants
{
    /// <summary>
    /// Gets the invariants the world breaks, described; empty when it keeps them all
    /// </summary>
    public static IList<string> Violations(PaymentModelWorld world, EmulatorHost emulator)
    {
        var violations = new List<string>();
        var allTransactions = emulator.Transactions.All();
        foreach (var order in world.Orders)
        {
            var stored = world.Store.GetOrder(order.Id);
            var payment = world.Store.PaymentOf(order.Id);
            var transactions = allTransactions.Where(t => t.OrderId.StartsWith(order.OrderGuid.ToString("N"), StringComparison.Ordinal)).ToList();
            var held = transactions.Sum(Held);
            var refunded = transactions.Sum(t => t.RefundedAmount);
            var takesMoney = !stored.Deleted && stored.OrderStatus != OrderStatus.Cancelled;
            var storeHolds = stored.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Authorized;
            var name = $"order {order.Id} ({stored.OrderStatus}{(stored.Deleted ? ", deleted" : "")}, {stored.PaymentStatus}, record {payment?.State})";

            if (storeHolds && held == decimal.Zero || takesMoney && !storeHolds && held > decimal.Zero)
                violations.Add($"{name} is {stored.PaymentStatus} while LINE Pay holds {held}");

            if (!takesMoney && held > decimal.Zero && !(payment?.State == LinePayPaymentState.HeldForCancelledOrder && ErrorLoggedFor(world, order)))
                violations.Add($"{name}: LINE Pay holds {held} for it, neither refunded nor reported as an error");

            //an order is paid by one attempt, its last (a retry needs a pending order): an earlier attempt's money was
            //never the order's, e.g. one refunded in Merchant Center before the store settled it
            var refundedOfPaidAttempt = transactions.Where(t => t.TransactionId == payment?.TransactionId).Sum(t => t.RefundedAmount);
            if (stored.PaymentStatus is PaymentStatus.Paid or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded
                && stored.RefundedAmount != refundedOfPaidAttempt)
                violations.Add($"{name} shows {stored.RefundedAmount} refunded, LINE Pay refunded {refundedOfPaidAttempt} of the attempt that paid it");

            //money is given back in full only for a cancelled or deleted order; otherwise LINE Pay refunds what was asked
            var asked = world.RefundsAsked.GetValueOrDefault(order.Id) + world.MerchantCenterRefunds.GetValueOrDefault(order.Id);
            if (!world.EverCancelled.Contains(order.Id) && refunded > asked)
                violations.Add($"{name}: LINE Pay refunded {refunded}, more than the {asked} asked for");

            if (payment is not null && LinePayPaymentStateMachine.IsOpen(payment.State))
                violations.Add($"{name}: the record is still open");

            foreach (var transaction in transactions)
            {
                var confirms = emulator.Journal.For(LinePayEndpoint.Confirm, transaction.TransactionId);
                if (transaction.ConfirmCount > 1 || confirms.Any(call => call.Fault is null && call.ReturnCode is "1172" or "1198"))
                    violations.Add($"{name}: transaction {transaction.TransactionId} got a Confirm after one was applied or while one was in flight");
            }
        }

        return violations;
    }

    // what LINE Pay holds for a transaction: the captured amount less its refunds, or the authorized amount
    private static decimal Held(TransactionSnapshot transaction) => transaction.State switch
    {
        TransactionState.Captured or TransactionState.Refunded => transaction.CapturedAmount - transaction.RefundedAmount,
        TransactionState.Authorized => transaction.Amount,
        _ => decimal.Zero
    };

    private static bool ErrorLoggedFor(PaymentModelWorld world, Order order) =>
        world.Store.Log.Any(entry => entry.Level == "error" && entry.Message.Contains($"order {order.CustomOrderNumber} ", StringComparison.Ordinal));
}
