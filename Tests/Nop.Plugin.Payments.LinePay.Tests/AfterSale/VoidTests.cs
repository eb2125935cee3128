using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

[TestFixture]
public class VoidTests : AfterSaleTest
{
    [Test]
    public async Task VoidsAnAuthorization()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Voided));
        var payment = PaymentOf(order);
        Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Voided));
        Assert.That(payment.VoidedOnUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Void.Done", transactionId) }));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Void).Single().Body, Is.Empty);
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Void }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Voided));
    }

    [Test]
    public async Task VoidingTwiceIsDoneTheSecondTimeOnLinePaysAlreadyVoided()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        var second = await VoidService.VoidAsync(new VoidPaymentRequest { Order = Store.GetOrder(order.Id) });

        Assert.That(second.Errors, Is.Empty);
        Assert.That(second.NewPaymentStatus, Is.EqualTo(PaymentStatus.Voided));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Voided));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[]
        {
            English("Void.Done", transactionId),
            English("Void.AlreadyVoided", transactionId)
        }));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Void).Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "1165" }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Voided));
    }

    [Test]
    public async Task AnAuthorizationVoidedInTheMerchantCenterIsTakenAsVoided()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Assert.That((await Api.VoidAsync(transactionId)).ReturnCode, Is.EqualTo("0000"));

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Voided));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Voided));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Void.AlreadyVoided", transactionId) }));
    }

    [Test]
    public async Task ACapturedPaymentIsNotVoided()
    {
        var order = await ConfirmedOrderAsync(capture: true);

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Void.NotAuthorized", "Paid") }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }

    [Test]
    public async Task AVoidLinePayRefusesIsReportedWithItsCode()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        Emulator.Faults.Next(LinePayEndpoint.Void, Fault.Answer("1179"));

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Void.Refused", $"1179 ({English("ReturnCode.1179")})") }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Authorized));
        Assert.That(NotesSinceConfirmOf(order), Is.Empty);
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Void }));
    }

    [Test]
    public async Task AVoidWhoseAnswerWasLostIsFoundInPaymentDetails()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Void, Fault.ApplyThenHttp500());

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Voided));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Void.DoneFoundInDetails", transactionId) }));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Void, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Voided));
    }

    [Test]
    public async Task AVoidThatTimedOutBeforeLinePayAppliedItIsReportedUnknownAndNotRetried()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Store.ClientFactory.Timeouts = new() { Void = TimeSpan.FromMilliseconds(300) };
        Emulator.Faults.Next(LinePayEndpoint.Void, Fault.Delay(TimeSpan.FromSeconds(2)));

        var result = await VoidService.VoidAsync(new VoidPaymentRequest { Order = order });

        var expected = English("Void.Unknown", transactionId, English("ReturnCode.Timeout"));
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Authorized));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        //the emulator journals the void once it sees the client hang up, before applying it: it was never applied
        var abandoned = await JournaledCallAsync(LinePayEndpoint.Void);
        Assert.That((abandoned.Fault, abandoned.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Delay, (string)null)));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EquivalentTo(new[] { LinePayEndpoint.Void, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authorized));
    }
}
