using System.Text.RegularExpressions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class DetailsTests : EmulatorTest
{
    [Test]
    public async Task DetailsDescribeACapturedPaymentWithItsRefunds()
    {
        var transactionId = await ConfirmedPaymentAsync();
        await Api.RefundAsync(transactionId, "30");
        var order = Emulator.Transactions.Find(transactionId)!;

        var answer = await Api.DetailsAsync($"transactionId={transactionId}");

        Assert.That((answer.ReturnCode, answer.ReturnMessage), Is.EqualTo(("0000", "success")));
        var info = answer.Info.EnumerateArray().Single();
        Assert.That(info.GetProperty("transactionId").GetInt64(), Is.EqualTo(transactionId));
        Assert.That(info.GetProperty("orderId").GetString(), Is.EqualTo(order.OrderId));
        Assert.That(info.GetProperty("transactionType").GetString(), Is.EqualTo("PAYMENT"));
        Assert.That(info.GetProperty("payStatus").GetString(), Is.EqualTo("CAPTURE"));
        Assert.That(info.GetProperty("currency").GetString(), Is.EqualTo("TWD"));
        Assert.That(info.GetProperty("productName").GetString(), Is.EqualTo("Pen"));
        Assert.That(info.GetProperty("merchantName").GetString(), Is.EqualTo(Emulator.Settings.MerchantName));
        Assert.That(info.GetProperty("payInfo")[0].GetProperty("amount").GetDecimal(), Is.EqualTo(100m));
        var refund = info.GetProperty("refundList").EnumerateArray().Single();
        Assert.That(refund.GetProperty("refundAmount").GetDecimal(), Is.EqualTo(-30m));
        Assert.That(refund.GetProperty("transactionType").GetString(), Is.EqualTo("PARTIAL_REFUND"));
        Assert.That(refund.GetProperty("refundTransactionId").GetInt64(), Is.EqualTo(order.Refunds.Single().RefundTransactionId));
        Assert.That(Regex.IsMatch(answer.Body, "\"refundTransactionId\":[0-9]{19}[,}]"), "refund ids are bare numbers");
        Assert.That(info.TryGetProperty("paymentProvider", out _), Is.False);
    }

    [Test]
    public async Task DetailsReportPayStatusOfAuthorizations()
    {
        var authorized = await ConfirmedPaymentAsync(capture: false);
        var voided = await ConfirmedPaymentAsync(capture: false);
        await Api.VoidAsync(voided);

        var answer = await Api.DetailsAsync($"transactionId={authorized}&transactionId={voided}", version: 4);

        var statuses = answer.Info.EnumerateArray().ToDictionary(i => i.GetProperty("transactionId").GetInt64(),
            i => i.GetProperty("payStatus").GetString());
        Assert.That(statuses[authorized], Is.EqualTo("AUTHORIZATION"));
        Assert.That(statuses[voided], Is.EqualTo("VOIDED_AUTHORIZATION"));
        Assert.That(answer.Info[0].GetProperty("authorizationExpireDate").GetString(), Is.Not.Empty);
        Assert.That(answer.Info[0].GetProperty("paymentProvider").GetString(), Is.EqualTo("TSP"));

        Emulator.Clock.Advance(TimeSpan.FromDays(5));
        var expired = await Api.DetailsAsync($"transactionId={authorized}");
        Assert.That(expired.Info[0].GetProperty("payStatus").GetString(), Is.EqualTo("EXPIRED_AUTHORIZATION"));
    }

    [Test]
    public async Task DetailsFindPaymentsByOrderIdAndBracketedKeys()
    {
        var transactionId = await ConfirmedPaymentAsync();
        var orderId = Emulator.Transactions.Find(transactionId)!.OrderId;

        var byOrder = await Api.DetailsAsync($"orderId={orderId}");
        var bracketed = await Api.DetailsAsync($"transactionId%5B%5D={transactionId}");

        Assert.That(byOrder.Info.EnumerateArray().Single().GetProperty("transactionId").GetInt64(), Is.EqualTo(transactionId));
        Assert.That(bracketed.Info.EnumerateArray().Single().GetProperty("transactionId").GetInt64(), Is.EqualTo(transactionId));
    }

    [Test]
    public async Task DetailsOfARefundIdNameTheOriginalTransaction()
    {
        var transactionId = await ConfirmedPaymentAsync();
        await Api.RefundAsync(transactionId);
        var refundId = Emulator.Transactions.Find(transactionId)!.Refunds.Single().RefundTransactionId;

        var answer = await Api.DetailsAsync($"transactionId={refundId}");

        var info = answer.Info.EnumerateArray().Single();
        Assert.That(info.GetProperty("originalTransactionId").GetInt64(), Is.EqualTo(transactionId));
        Assert.That(info.GetProperty("transactionType").GetString(), Is.EqualTo("PAYMENT_REFUND"));
    }

    [Test]
    public async Task UnconfirmedOrUnknownTransactionsAre1150()
    {
        var reserved = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        Assert.That((await Api.DetailsAsync($"transactionId={reserved}")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.DetailsAsync("orderId=nobody")).ReturnCode, Is.EqualTo("1150"));
    }

    [TestCase("")]
    [TestCase("transactionId=abc")]
    public async Task DetailsWithoutUsableIdsAre2101(string query)
    {
        Assert.That((await Api.DetailsAsync(query)).ReturnCode, Is.EqualTo("2101"));
    }
}
