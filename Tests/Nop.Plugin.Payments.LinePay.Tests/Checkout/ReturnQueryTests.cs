using LinePay.Emulator.Api;
using Nop.Core.Domain.Payments;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// Forged, missing or mismatched queries never change an order; a second arrival never confirms again
/// </summary>
[TestFixture]
public class ReturnQueryTests : CheckoutTestBase
{
    private static IEnumerable<TestCaseData> ForgedQueries()
    {
        yield return new TestCaseData("missing both", (Func<LinePayOrderPayment, string>)(_ => ""));
        yield return new TestCaseData("missing transactionId", (Func<LinePayOrderPayment, string>)(p => $"orderId={p.LinePayOrderId}"));
        yield return new TestCaseData("missing orderId", (Func<LinePayOrderPayment, string>)(p => $"transactionId={p.TransactionId}"));
        yield return new TestCaseData("other transactionId", (Func<LinePayOrderPayment, string>)(p => $"transactionId={p.TransactionId + 1}&orderId={p.LinePayOrderId}"));
        yield return new TestCaseData("signed transactionId", (Func<LinePayOrderPayment, string>)(p => $"transactionId=%2B{p.TransactionId}&orderId={p.LinePayOrderId}"));
        yield return new TestCaseData("other attempt", (Func<LinePayOrderPayment, string>)(p => $"transactionId={p.TransactionId}&orderId={p.LinePayOrderId[..^1]}2"));
        yield return new TestCaseData("unknown order", (Func<LinePayOrderPayment, string>)(p => $"transactionId={p.TransactionId}&orderId={LinePayOrderIds.Create(Guid.NewGuid(), 1)}"));
        yield return new TestCaseData("plain order number", (Func<LinePayOrderPayment, string>)(p => $"transactionId={p.TransactionId}&orderId=100"));
    }

    [TestCaseSource(nameof(ForgedQueries))]
    public async Task AForgedConfirmChangesNothing(string _, Func<LinePayOrderPayment, string> query)
    {
        var (order, _) = await ApprovedOrderAsync();
        var before = Store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute);
        var notes = NotesOf(order).Count;

        var result = await Checkout.ArriveAsync(new Uri($"{NopStore.StoreLocation}{LinePayDefaults.ConfirmPath}?{query(PaymentOf(order))}"));

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
            Assert.That(Store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute), Is.EqualTo(before));
            Assert.That(NotesOf(order), Has.Count.EqualTo(notes));
            Assert.That(Store.Log.Where(l => l.Level == "warning").Select(l => l.Message), Has.One.StartsWith("LINE Pay confirm return ignored"));
            Assert.That(Notifications, Is.EqualTo(new[] { ("error", NopStore.English("Plugins.Payments.LinePay.Return.Invalid")) }));
        });
    }

    [TestCaseSource(nameof(ForgedQueries))]
    public async Task AForgedCancelChangesNothing(string name, Func<LinePayOrderPayment, string> query)
    {
        var (order, _) = await ApprovedOrderAsync();
        var before = Store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute);

        var result = await Checkout.ArriveAsync(new Uri($"{NopStore.StoreLocation}{LinePayDefaults.CancelPath}?{query(PaymentOf(order))}"));

        if (name == "missing transactionId")
        {
            //LINE Pay's cancel redirect may omit the transactionId; the orderId alone names this attempt, and LINE Pay
            //is asked what became of it: here the customer had approved it, so it is finished
            AssertRedirect(result, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            return;
        }
        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(Store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute), Is.EqualTo(before));
    }

    [Test]
    public async Task AnOrderOfAnotherPaymentMethodIsNotTouched()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Store.UpdateStoredOrder(order.Id, o => o.PaymentMethodSystemName = "Payments.CheckMoneyOrder");

        var result = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(result, NopRouteNames.General.HOMEPAGE);
        Assert.That(ConfirmCalls, Is.Zero);
    }

    [Test]
    public async Task ASecondArrivalGoesToTheCompletedPageWithoutConfirmingAgain()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);
        var notes = NotesOf(order).Count;

        var second = await Checkout.ArriveAsync(confirmUrl);

        AssertRedirect(second, NopRouteNames.Standard.CHECKOUT_COMPLETED, order.Id);
        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(NotesOf(order), Has.Count.EqualTo(notes));
    }

    [Test]
    public async Task ConcurrentArrivalsConfirmOnce()
    {
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(300);
        var (order, confirmUrl) = await ApprovedOrderAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Checkout.ArriveAsync(confirmUrl))));

        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.EqualTo(1));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(Store.NotesOf(order.Id).Count(n => n.Note == "Order has been marked as paid"), Is.EqualTo(1));
        Assert.That(results.Count(r => r.RouteName == NopRouteNames.Standard.CHECKOUT_COMPLETED), Is.GreaterThanOrEqualTo(1));
        Assert.That(results.Where(r => r.RouteName != NopRouteNames.Standard.CHECKOUT_COMPLETED).Select(r => r.RouteName),
            Is.All.EqualTo(NopRouteNames.Standard.ORDER_DETAILS));
    }

    [Test]
    public async Task AnArrivalWhileTheLockIsHeldIsToldThePaymentIsBeingProcessed()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        using (Store.HoldLock(string.Format(LinePayDefaults.ConfirmLockKey, order.OrderGuid)))
        {
            var result = await Checkout.ArriveAsync(confirmUrl);

            AssertRedirect(result, NopRouteNames.Standard.ORDER_DETAILS, order.Id);
        }

        Assert.That(ConfirmCalls, Is.Zero);
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
        Assert.That(Notifications, Is.EqualTo(new[] { ("warning", NopStore.English("Plugins.Payments.LinePay.Return.BeingProcessed")) }));
    }
}
