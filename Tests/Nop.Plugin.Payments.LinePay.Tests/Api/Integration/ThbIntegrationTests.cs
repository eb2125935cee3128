using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class ThbIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task ThbAmountsWithTwoDecimalsAreChargedCapturedAndRefundedExactly()
    {
        var request = PaymentRequests.Create(price: 41.15m, quantity: 3, currency: "THB", capture: false);

        var transactionId = await ApprovedThroughClientAsync(request);
        var confirmed = await Client.ConfirmPaymentAsync(transactionId, 123.45m, "THB");
        var captured = await Client.CapturePaymentAsync(transactionId, 100.50m, "THB");
        var refund = await Client.RefundPaymentAsync(transactionId, 0.01m, "THB");
        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();

        Assert.That(confirmed.PayInfo.Sum(p => p.Amount), Is.EqualTo(123.45m));
        Assert.That(captured.PayInfo.Sum(p => p.Amount), Is.EqualTo(100.5m));
        Assert.That(details.Currency, Is.EqualTo("THB"));
        Assert.That(details.PayInfo.Sum(p => p.Amount), Is.EqualTo(100.5m));
        Assert.That(details.RefundList.Single().RefundAmount, Is.EqualTo(-0.01m));
        Assert.That(details.RefundList.Single().RefundTransactionId, Is.EqualTo(refund.RefundTransactionId));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.Amount, stored.Currency, stored.CapturedAmount, stored.RefundedAmount),
            Is.EqualTo((123.45m, "THB", 100.5m, 0.01m)));
        Assert.That(Emulator.Journal.Calls.Select(c => c.ReturnCode), Has.All.EqualTo("0000"));
    }

    [Test]
    public void AThbAmountWithThreeDecimalsIsRefusedBeforeSending()
    {
        var request = PaymentRequests.Create(price: 10.005m, quantity: 2, currency: "THB");

        Assert.ThrowsAsync<ArgumentException>(() => Client.RequestPaymentAsync(request));

        Assert.That(Emulator.Journal.Calls, Is.Empty);
        Assert.That(Emulator.Transactions.FindByOrderId(request.OrderId), Is.Empty);
    }

    [Test]
    public async Task ConfirmWithTheThbAmountInAnotherScaleStillMatchesTheRequest()
    {
        var request = PaymentRequests.Create(price: 50m, quantity: 2, currency: "THB");
        var transactionId = await ApprovedThroughClientAsync(request);

        var info = await Client.ConfirmPaymentAsync(transactionId, 100.00m, "THB");

        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m));
        Assert.That(Emulator.Transactions.Find(transactionId).State, Is.EqualTo(TransactionState.Captured));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().ReturnCode, Is.EqualTo("0000"));
    }
}
