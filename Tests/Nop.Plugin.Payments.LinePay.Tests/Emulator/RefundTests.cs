using System.Text.RegularExpressions;
using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class RefundTests : EmulatorTest
{
    [TestCase(3)]
    [TestCase(4)]
    public async Task RefundWithoutAmountRefundsEverything(int version)
    {
        var transactionId = await ConfirmedPaymentAsync();

        var answer = await Api.RefundAsync(transactionId, version: version);

        Assert.That((answer.ReturnCode, answer.ReturnMessage), Is.EqualTo(("0000", "success")));
        var literal = Regex.Match(answer.Body, "\"refundTransactionId\":([^,}]+)").Groups[1].Value;
        Assert.That(literal, Does.Match("^[0-9]{19}$"));
        Assert.That(long.Parse(literal), Is.Not.EqualTo(transactionId).And.GreaterThan(1L << 53));
        Assert.That(answer.Info.GetProperty("refundTransactionDate").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(stored.RefundedAmount, Is.EqualTo(100m));
        Assert.That(stored.Refunds.Single().TransactionType, Is.EqualTo("PAYMENT_REFUND"));
        Assert.That(stored.Refunds.Single().RefundTransactionId, Is.EqualTo(long.Parse(literal)));
    }

    [Test]
    public async Task PartialRefundsRepeatUntilNothingRemains()
    {
        var transactionId = await ConfirmedPaymentAsync();

        var first = await Api.RefundAsync(transactionId, "30");
        var second = await Api.RefundAsync(transactionId, "50");
        var tooMuch = await Api.RefundAsync(transactionId, "21");
        var rest = await Api.RefundAsync(transactionId);
        var afterAll = await Api.RefundAsync(transactionId, "1");

        Assert.That(new[] { first, second, rest }.Select(a => a.ReturnCode), Is.All.EqualTo("0000"));
        Assert.That(tooMuch.ReturnCode, Is.EqualTo("1164"));
        Assert.That(afterAll.ReturnCode, Is.EqualTo("1165"));
        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.Refunds.Select(r => r.Amount), Is.EqualTo(new[] { 30m, 50m, 20m }));
        Assert.That(stored.Refunds.Select(r => r.TransactionType), Is.All.EqualTo("PARTIAL_REFUND"));
        Assert.That(stored.State, Is.EqualTo(TransactionState.Refunded));
    }

    [Test]
    public async Task RefundOfAPartialCaptureIsLimitedToTheCapturedAmount()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);
        await Api.CaptureAsync(transactionId, "60");

        Assert.That((await Api.RefundAsync(transactionId, "61")).ReturnCode, Is.EqualTo("1164"));
        Assert.That((await Api.RefundAsync(transactionId)).ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.EqualTo(60m));
    }

    [TestCase("10.0", "1124")]
    [TestCase("0", "1183")]
    [TestCase("\"10\"", "2101")]
    public async Task RefundAmountMustBeAPositiveAmountOfTheCurrencyScale(string amount, string expected)
    {
        var transactionId = await ConfirmedPaymentAsync();

        Assert.That((await Api.RefundAsync(transactionId, amount)).ReturnCode, Is.EqualTo(expected));
        Assert.That(Emulator.Transactions.Find(transactionId)!.Refunds, Is.Empty);
    }

    [Test]
    public async Task RefundOfAnAuthorizationIs1155AndOfAVoidedOne1179()
    {
        var authorized = await ConfirmedPaymentAsync(capture: false);
        var voided = await ConfirmedPaymentAsync(capture: false);
        await Api.VoidAsync(voided);

        Assert.That((await Api.RefundAsync(authorized)).ReturnCode, Is.EqualTo("1155"));
        Assert.That((await Api.RefundAsync(voided)).ReturnCode, Is.EqualTo("1179"));
        Assert.That((await Api.RefundAsync(2023042201206549310)).ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task RefundAfterTheWindowIs1163()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings { RefundWindow = TimeSpan.FromDays(30) });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var transactionId = await api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        await emulator.ApproveAsync(transactionId);
        await api.ConfirmAsync(transactionId, "100");

        var within = await api.RefundAsync(transactionId, "10");
        emulator.Clock.Advance(TimeSpan.FromDays(31));
        var after = await api.RefundAsync(transactionId, "10");

        Assert.That(within.ReturnCode, Is.EqualTo("0000"));
        Assert.That(after.ReturnCode, Is.EqualTo("1163"));
    }
}
