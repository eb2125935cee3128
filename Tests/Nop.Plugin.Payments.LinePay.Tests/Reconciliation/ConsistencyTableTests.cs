using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Checkout;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Reconciliation;

/// <summary>
/// The table of failures around Confirm, each run through the customer's return and through the scheduled task (the
/// return never came), then the task's next run. Capture, void and refund failures are tabled in AfterSale/
/// (CaptureTests, VoidTests, RefundTests); fifty concurrent confirms across two servers in WebFarmConfirmTests.
/// </summary>
[TestFixture]
public class ConsistencyTableTests : CheckoutTestBase
{
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromSeconds(2);

    private static IEnumerable<ConsistencyCase> Cases() =>
    [
        new("approved, nothing goes wrong (the task: the return was dropped)"),
        new("timeout before LINE Pay applied Confirm") { ConfirmFault = Fault.Delay(PastTheTimeout), ShortConfirmTimeout = true, ConfirmCalls = 2 },
        new("timeout after LINE Pay applied Confirm") { ConfirmFault = Fault.ApplyThenDelay(PastTheTimeout), ShortConfirmTimeout = true },
        new("HTTP 500 before applying") { ConfirmFault = Fault.Http500(), ConfirmCalls = 2 },
        new("HTTP 500 after applying") { ConfirmFault = Fault.ApplyThenHttp500() },
        new("connection dropped before applying") { ConfirmFault = Fault.Abort(), ConfirmCalls = 2 },
        new("connection dropped after applying") { ConfirmFault = Fault.ApplyThenAbort() },
        new("ambiguous 1172") { ConfirmFault = Fault.Answer("1172"), ConfirmCalls = 2 },
        new("ambiguous 1198") { ConfirmFault = Fault.Answer("1198"), ConfirmCalls = 2 },
        new("ambiguous 9000") { ConfirmFault = Fault.Answer("9000"), ConfirmCalls = 2 },
        new("already confirmed elsewhere")
        {
            //the return's Confirm meets LINE Pay's "already confirmed" (1172); the task asks Check first and sends none
            ConfirmedElsewhere = true, ConfirmCalls = 1, ConfirmCallsViaReturn = 2
        },
        new("reservation expired before anyone came back")
        {
            MinutesLater = 25, PaymentStatus = PaymentStatus.Pending, State = LinePayPaymentState.Failed,
            TransactionState = TransactionState.Expired, ConfirmCalls = 0, Note = "was cancelled or expired on LINE Pay (0121)"
        },
        new("customer cancelled on LINE Pay")
        {
            CustomerCancels = true, PaymentStatus = PaymentStatus.Pending, State = LinePayPaymentState.Failed,
            StateViaReturn = LinePayPaymentState.Cancelled, TransactionState = TransactionState.Cancelled, ConfirmCalls = 0,
            Note = "was cancelled or expired on LINE Pay (0121)", NoteViaReturn = "the customer cancelled the payment on LINE Pay"
        },
        new("payment failed on LINE Pay")
        {
            PaymentFails = true, PaymentStatus = PaymentStatus.Pending, State = LinePayPaymentState.Failed,
            StateViaReturn = LinePayPaymentState.Cancelled, TransactionState = TransactionState.Failed, ConfirmCalls = 0,
            Note = "failed on LINE Pay (0122)", NoteViaReturn = "the payment failed on LINE Pay and the customer came back without paying"
        }
    ];

    [TestCaseSource(nameof(Cases))]
    public Task ThroughTheReturn(ConsistencyCase row) => RunAsync(row, viaReturn: true);

    [TestCaseSource(nameof(Cases))]
    public Task ThroughTheTask(ConsistencyCase row) => RunAsync(row, viaReturn: false);

    [Test]
    public async Task AReturnRacingTheTaskSendsOneConfirm()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        AgePayment(order, TimeSpan.FromMinutes(6));
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(200);
        var webServer = new LinePayCheckout(Store) { Locker = Store.NewLocker().Object };

        await Task.WhenAll(
            Task.Run(() => webServer.ArriveAsync(confirmUrl)),
            Task.Run(() => ReconciliationTask.ExecuteAsync()));
        await ReconciliationTask.ExecuteAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.ConfirmCount, Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(Store.NotesOf(order.Id).Count(n => n.Note == "Order has been marked as paid"), Is.EqualTo(1));
        });
    }

    private async Task RunAsync(ConsistencyCase row, bool viaReturn)
    {
        if (row.ShortConfirmTimeout)
            Store.ClientFactory.Timeouts = new LinePayTimeouts { Confirm = TimeSpan.FromMilliseconds(300) };
        var order = Store.PlaceOrder(1500m);
        var paymentUrl = await Checkout.PostProcessAsync(order);
        var transactionId = PaymentOf(order).TransactionId;
        var returnUrl = row.CustomerCancels ? await Emulator.Customer.CancelAsync(paymentUrl)
            : row.PaymentFails ? await Emulator.Customer.FailAsync(transactionId)
            : await Emulator.Customer.ApproveAsync(paymentUrl);
        if (row.ConfirmedElsewhere)
            Assert.That((await Api.ConfirmAsync(transactionId, "1500")).ReturnCode, Is.EqualTo("0000"));
        var later = TimeSpan.FromMinutes(row.MinutesLater);
        Emulator.Clock.Advance(later);
        AgePayment(order, later);
        if (row.ConfirmFault is not null)
            Emulator.Faults.Next(LinePayEndpoint.Confirm, row.ConfirmFault);

        if (viaReturn)
            await Checkout.ArriveAsync(returnUrl);
        else
            await ReconciliationTask.ExecuteAsync();
        await ReconciliationTask.ExecuteAsync();

        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.Multiple(() =>
        {
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(row.PaymentStatus));
            Assert.That(PaymentOf(order).State, Is.EqualTo(viaReturn ? row.StateViaReturn ?? row.State : row.State));
            Assert.That(NotesOf(order), Has.Some.Contains(viaReturn ? row.NoteViaReturn ?? row.Note : row.Note));
            Assert.That(ConfirmCalls, Is.EqualTo(viaReturn ? row.ConfirmCallsViaReturn ?? row.ConfirmCalls : row.ConfirmCalls));
            Assert.That(transaction.State, Is.EqualTo(row.TransactionState));
            Assert.That(transaction.ConfirmCount, Is.EqualTo(row.TransactionState == TransactionState.Captured ? 1 : 0));
            Assert.That(Store.NotesOf(order.Id).Count(n => n.Note == "Order has been marked as paid"),
                Is.EqualTo(row.PaymentStatus == PaymentStatus.Paid ? 1 : 0));
        });
    }
}
