using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class RefundIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task AFullRefundWithoutAmountRefundsEverything()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());

        var info = await Client.RefundPaymentAsync(transactionId, null, "TWD");

        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That(stored.State, Is.EqualTo(TransactionState.Refunded));
        var refund = stored.Refunds.Single();
        Assert.That((refund.RefundTransactionId, refund.Amount, refund.TransactionType),
            Is.EqualTo((info.RefundTransactionId, 100m, "PAYMENT_REFUND")));
        Assert.That(info.RefundTransactionId, Is.GreaterThan(1L << 53).And.Not.EqualTo(transactionId));
        Assert.That(info.RefundTransactionDate, Is.EqualTo(refund.Date).Within(TimeSpan.FromSeconds(1)));
        var call = Emulator.Journal.For(LinePayEndpoint.Refund).Single();
        Assert.That((call.Path, call.ReturnCode), Is.EqualTo(($"/v3/payments/{transactionId}/refund", "0000")));
    }

    [Test]
    public async Task RepeatedPartialRefundsAreLimitedToTheRemainder()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create(price: 100m, quantity: 3));

        var first = await Client.RefundPaymentAsync(transactionId, 100m, "TWD");
        var second = await Client.RefundPaymentAsync(transactionId, 50m, "TWD");
        var tooMuch = Assert.ThrowsAsync<LinePayApiException>(() => Client.RefundPaymentAsync(transactionId, 151m, "TWD"));
        var stateAfterRefusal = Emulator.Transactions.Find(transactionId);
        var rest = await Client.RefundPaymentAsync(transactionId, 150m, "TWD");

        Assert.That((tooMuch.ReturnCode, tooMuch.Classification), Is.EqualTo(("1164", LinePayReturnCodeClass.CallerError)));
        Assert.That((stateAfterRefusal.State, stateAfterRefusal.RefundedAmount), Is.EqualTo((TransactionState.Captured, 150m)));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That(stored.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(stored.Refunds.Select(r => (r.RefundTransactionId, r.Amount, r.TransactionType)), Is.EqualTo(new[]
        {
            (first.RefundTransactionId, 100m, "PARTIAL_REFUND"),
            (second.RefundTransactionId, 50m, "PARTIAL_REFUND"),
            (rest.RefundTransactionId, 150m, "PARTIAL_REFUND")
        }));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund, transactionId).Select(c => c.ReturnCode),
            Is.EqualTo(new[] { "0000", "0000", "1164", "0000" }));
    }

    [Test]
    public async Task ARefundAfterTheFullRefundIs1165Final()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        await Client.RefundPaymentAsync(transactionId, null, "TWD");

        var partial = Assert.ThrowsAsync<LinePayApiException>(() => Client.RefundPaymentAsync(transactionId, 1m, "TWD"));
        var full = Assert.ThrowsAsync<LinePayApiException>(() => Client.RefundPaymentAsync(transactionId, null, "TWD"));

        Assert.That((partial.ReturnCode, partial.Classification), Is.EqualTo(("1165", LinePayReturnCodeClass.Final)));
        Assert.That(full.ReturnCode, Is.EqualTo("1165"));
        Assert.That(Emulator.Transactions.Find(transactionId).Refunds, Has.Count.EqualTo(1));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund, transactionId).Select(c => c.ReturnCode),
            Is.EqualTo(new[] { "0000", "1165", "1165" }));
    }

    [Test]
    public async Task AFullRefundAfterAPartialOneRefundsTheRemainder()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        await Client.RefundPaymentAsync(transactionId, 30m, "TWD");

        await Client.RefundPaymentAsync(transactionId, null, "TWD");

        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That(stored.Refunds.Select(r => r.Amount), Is.EqualTo(new[] { 30m, 70m }));
        Assert.That(stored.State, Is.EqualTo(TransactionState.Refunded));
    }
}
