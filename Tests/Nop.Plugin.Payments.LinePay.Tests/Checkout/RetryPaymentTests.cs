using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using Nop.Core;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// "Retry payment" of a pending order posts the payment again: LINE Pay is asked about the stored transaction first
/// </summary>
[TestFixture]
public class RetryPaymentTests : CheckoutTestBase
{
    [Test]
    public async Task AfterACancelANewRequestWithTheNextAttemptIsMade()
    {
        var order = Store.PlaceOrder(700m);
        var firstUrl = await Checkout.PostProcessAsync(order);
        await Checkout.ArriveAsync(await Emulator.Customer.CancelAsync(firstUrl));
        var first = PaymentOf(order);

        var secondUrl = await Checkout.PostProcessAsync(order);

        var second = PaymentOf(order);
        Assert.That(secondUrl, Is.Not.EqualTo(firstUrl));
        Assert.That(second.Attempt, Is.EqualTo(2));
        Assert.That(second.TransactionId, Is.Not.EqualTo(first.TransactionId));
        Assert.That(second.LinePayOrderId, Is.EqualTo(LinePayOrderIds.Create(order.OrderGuid, 2)));

        var result = await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(secondUrl));
        Assert.That(result.RouteName, Is.EqualTo("CheckoutCompleted"));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task AReservationNeverApprovedIsReplacedByANewRequest()
    {
        var order = Store.PlaceOrder(700m);
        await Checkout.PostProcessAsync(order);
        var first = PaymentOf(order);

        await Checkout.PostProcessAsync(order);

        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check, first.TransactionId), Has.Count.EqualTo(1));
        Assert.That(PaymentOf(order).Attempt, Is.EqualTo(2));
        Assert.That(NotesOf(order), Has.Some.Contains($"transaction {first.TransactionId} of attempt 1 was never approved"));
        Assert.That(PaymentOf(order).EarlierAttempts.Single().State, Is.EqualTo(LinePayPaymentState.Cancelled));
    }

    [Test]
    public async Task AnApprovedPaymentWhoseReturnNeverArrivedIsConfirmedInsteadOfRequestedAgain()
    {
        var (order, _) = await ApprovedOrderAsync(900m);
        Emulator.Journal.Clear();

        var redirect = await Checkout.PostProcessAsync(order);

        Assert.That(redirect, Is.Null, "no new LINE Pay page");
        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Request), Is.Zero);
        Assert.That(ConfirmCalls, Is.EqualTo(1));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(PaymentOf(order).Attempt, Is.EqualTo(1));
    }

    [Test]
    public async Task ACompletedPaymentIsFinishedWithoutAnotherConfirmOrRequest()
    {
        var (order, _) = await ApprovedOrderAsync(900m);
        var payment = PaymentOf(order);
        //LINE Pay completed it (e.g. a confirm whose answer was lost before the record was saved)
        var answer = await Api.ConfirmAsync(payment.TransactionId, "900", "TWD");
        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        Emulator.Journal.Clear();

        await Checkout.PostProcessAsync(order);

        Assert.Multiple(() =>
        {
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Request), Is.Zero);
            Assert.That(ConfirmCalls, Is.Zero);
            Assert.That(Emulator.Journal.Count(LinePayEndpoint.Details), Is.EqualTo(1));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        });
    }

    [Test]
    public async Task WhenThePreviousTransactionCannotBeCheckedNothingNewIsRequested()
    {
        var order = Store.PlaceOrder(700m);
        await Checkout.PostProcessAsync(order);
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Http500());

        var exception = Assert.ThrowsAsync<NopException>(() => Checkout.PostProcessAsync(order));

        Assert.That(exception!.Message, Is.EqualTo(Support.NopStore.English("Plugins.Payments.LinePay.Return.BeingVerified")));
        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Request), Is.EqualTo(1));
        Assert.That(PaymentOf(order).Attempt, Is.EqualTo(1));
    }
}
