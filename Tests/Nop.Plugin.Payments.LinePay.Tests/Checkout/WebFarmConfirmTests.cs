using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// Two web servers, each with its own in-memory locker, sharing one database
/// </summary>
[TestFixture]
public class WebFarmConfirmTests : CheckoutTestBase
{
    [Test]
    public async Task FiftyConfirmsAcrossTwoInstancesSendOneConfirmAndMarkPaidOnce()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(200);
        var servers = new[]
        {
            new LinePayCheckout(Store) { Locker = Store.NewLocker().Object },
            new LinePayCheckout(Store) { Locker = Store.NewLocker().Object }
        };

        //the customer's returns and refreshes on both servers, and both servers' scheduled settling, all at once
        var calls = Enumerable.Range(0, 50).Select<int, Task>(i => i % 4 < 2
            ? Task.Run(() => servers[i % 2].ArriveAsync(confirmUrl))
            : Task.Run(() => servers[i % 2].Confirmation.ConfirmOrderAsync(Store.GetOrder(order.Id))));
        await Task.WhenAll(calls);

        var payment = PaymentOf(order);
        Assert.Multiple(() =>
        {
            Assert.That(ConfirmCalls, Is.EqualTo(1));
            Assert.That(Emulator.Transactions.Find(payment.TransactionId)!.ConfirmCount, Is.EqualTo(1));
            Assert.That(Store.NotesOf(order.Id).Count(n => n.Note == "Order has been marked as paid"), Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Paid));
            Assert.That(NotesOf(order).Count(n => n.Contains("payment captured: transaction")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ALostClaimDoesNotCallLinePay()
    {
        var (order, _) = await ApprovedOrderAsync();
        var payment = PaymentOf(order);
        //another server took the claim and is confirming right now
        Assert.That(await Checkout.Claims.TryClaimAsync(Store.GetOrder(order.Id), payment), Is.Not.Null);

        var result = await new LinePayCheckout(Store) { Locker = Store.NewLocker().Object }.Confirmation.ConfirmOrderAsync(Store.GetOrder(order.Id));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(LinePayConfirmationOutcome.InProgress));
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Check), Is.Zero);
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        });
    }

    [Test]
    public async Task TheHolderPutsTheNextClaimBackSoARefreshCanSettleAnUnknownOutcome()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer("9000"));

        await Checkout.ArriveAsync(confirmUrl);
        var claims = Store.AttributeRowsOf(order.Id, LinePayDefaults.ConfirmClaimAttribute);
        var payment = PaymentOf(order);

        Assert.Multiple(() =>
        {
            Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Confirming));
            Assert.That(payment.ConfirmClaims, Is.EqualTo(1));
            Assert.That(claims.Select(c => c.Value), Is.EqualTo(new[] { $"{payment.TransactionId}:2" }));
        });
    }

    [Test]
    public async Task ACancelReturnWhileAnotherServerConfirmsChangesNothing()
    {
        var order = Store.PlaceOrder(1500m);
        var paymentUrl = await Checkout.PostProcessAsync(order);
        //the customer cancels in one tab while the other tab's approval is being confirmed on another server
        var cancelUrl = await Emulator.Customer.CancelAsync(paymentUrl);
        Assert.That(await Checkout.Claims.TryClaimAsync(Store.GetOrder(order.Id), PaymentOf(order)), Is.Not.Null);

        await new LinePayCheckout(Store) { Locker = Store.NewLocker().Object }.ArriveAsync(cancelUrl);

        Assert.Multiple(() =>
        {
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Requested));
            Assert.That(NotesOf(order), Has.None.Contains("the customer cancelled"));
            Assert.That(Notifications.Single().Text, Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.Return.BeingProcessed")));
        });
    }
}
