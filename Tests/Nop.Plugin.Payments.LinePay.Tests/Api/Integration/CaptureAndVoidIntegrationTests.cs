using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class CaptureAndVoidIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task CaptureOfTheFullAuthorizationPaysIt()
    {
        var request = PaymentRequests.Create(capture: false);
        var transactionId = await ConfirmedThroughClientAsync(request);

        var info = await Client.CapturePaymentAsync(transactionId, 100m, "TWD");

        Assert.That((info.TransactionId, info.OrderId), Is.EqualTo((transactionId, request.OrderId)));
        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.CapturedAmount), Is.EqualTo((TransactionState.Captured, 100m)));
        var call = Emulator.Journal.For(LinePayEndpoint.Capture).Single();
        Assert.That((call.Path, call.ReturnCode),
            Is.EqualTo(($"/v3/payments/authorizations/{transactionId}/capture", "0000")));
        Assert.That(await Client.CheckPaymentStatusAsync(transactionId), Is.EqualTo(PaymentRequestStatus.Completed));
    }

    [Test]
    public async Task APartialCaptureTakesOnlyThatAmount()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create(price: 40m, quantity: 5, capture: false));

        var info = await Client.CapturePaymentAsync(transactionId, 120m, "TWD");

        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(120m));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.Amount, stored.CapturedAmount), Is.EqualTo((TransactionState.Captured, 200m, 120m)));
        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();
        Assert.That((details.PayStatus, details.PayInfo.Sum(p => p.Amount)), Is.EqualTo(("CAPTURE", 120m)));
    }

    [Test]
    public async Task CaptureAboveTheAuthorizationIs1184AndCapturesNothing()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create(capture: false));

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.CapturePaymentAsync(transactionId, 101m, "TWD"));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1184", LinePayReturnCodeClass.CallerError)));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.CapturedAmount), Is.EqualTo((TransactionState.Authorized, 0m)));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Capture).Single().ReturnCode, Is.EqualTo("1184"));
    }

    [Test]
    public async Task VoidCancelsTheAuthorizationAndASecondVoidIs1165Final()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create(capture: false));

        await Client.VoidPaymentAsync(transactionId);
        var second = Assert.ThrowsAsync<LinePayApiException>(() => Client.VoidPaymentAsync(transactionId));

        Assert.That(Emulator.Transactions.Find(transactionId).State, Is.EqualTo(TransactionState.Voided));
        Assert.That((second.ReturnCode, second.Classification), Is.EqualTo(("1165", LinePayReturnCodeClass.Final)));
        var calls = Emulator.Journal.For(LinePayEndpoint.Void, transactionId);
        Assert.That(calls.Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "1165" }));
        Assert.That(calls[0].Path, Is.EqualTo($"/v3/payments/authorizations/{transactionId}/void"));
        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();
        Assert.That(details.PayStatus, Is.EqualTo("VOIDED_AUTHORIZATION"));
    }

    [Test]
    public async Task VoidOfACapturedPaymentIs1179AndLeavesItCaptured()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.VoidPaymentAsync(transactionId));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1179", LinePayReturnCodeClass.CallerError)));
        Assert.That(Emulator.Transactions.Find(transactionId).State, Is.EqualTo(TransactionState.Captured));
    }
}
