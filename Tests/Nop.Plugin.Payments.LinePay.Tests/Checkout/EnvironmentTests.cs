using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// A shop that goes live with the sandbox still on marks orders paid while no money moves: every note says where the
/// payment was made, and the log warns when such a payment marks an order paid
/// </summary>
[TestFixture]
public class EnvironmentTests : CheckoutTestBase
{
    [Test]
    public async Task EveryNoteOfAPaymentMadeAtATestApiSaysSo()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();

        await Checkout.ArriveAsync(confirmUrl);

        var pluginNotes = NotesOf(order).Where(note => note.Contains("LINE Pay")).ToList();
        Assert.That(pluginNotes, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(pluginNotes, Has.All.StartsWith($"[test API {Emulator.BaseAddress}] LINE Pay: "));
        Assert.That(PaymentOf(order).PayMethods, Is.EqualTo("CREDIT_CARD"));
    }

    [TestCase(true, null, "sandbox")]
    [TestCase(false, null, "live")]
    [TestCase(true, "http://127.0.0.1:5080/", "test API http://127.0.0.1:5080/")]
    [TestCase(null, null, null)]
    public void ThePaymentSaysWhereItWasMade(bool? sandbox, string apiBaseAddress, string described)
    {
        var payment = new LinePayOrderPayment { Sandbox = sandbox, ApiBaseAddress = apiBaseAddress };

        Assert.That(payment.DescribeEnvironment(), Is.EqualTo(described));
        Assert.That(payment.IsLive, Is.EqualTo(described == "live"));
    }

    [TestCase(true, 1)]
    [TestCase(false, 0)]
    public async Task AnOrderMarkedPaidByASandboxPaymentLeavesAWarningInTheLog(bool sandbox, int warnings)
    {
        var order = Store.PlaceOrder(1500m);
        Store.SavePayment(order.Id, new LinePayOrderPayment
        {
            TransactionId = 2026010100000000001,
            Amount = 1500m,
            Currency = "TWD",
            State = LinePayPaymentState.Paid,
            Sandbox = sandbox,
            RequestedOnUtc = DateTime.UtcNow,
            ConfirmedOnUtc = DateTime.UtcNow
        });

        await Checkout.OrderSync.SyncAsync(order, PaymentOf(order));

        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(Store.Log.Where(entry => entry.Level == "warning").Select(entry => entry.Message),
            Has.Exactly(warnings).Contains($"order {order.CustomOrderNumber} was marked as paid by a payment in the sandbox"));
    }

    [Test]
    public async Task NotesOfAPaymentRecordedBeforeTheEnvironmentWasKeptHaveNoEnvironment()
    {
        var order = Store.PlaceOrder(1500m);
        Store.SavePayment(order.Id, new LinePayOrderPayment { TransactionId = 2026010100000000002, State = LinePayPaymentState.Paid });

        await Checkout.Notes.AddNoteAsync(order, "a note.");

        Assert.That(NotesOf(order), Is.EqualTo(new[] { "LINE Pay: a note." }));
    }
}
