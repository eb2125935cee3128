using System.Globalization;
using System.Text.RegularExpressions;
using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class ConfirmTests : EmulatorTest
{
    [Test]
    public async Task ConfirmPaysTheApprovedAmount()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var transactionId = await ApprovedPaymentAsync(orderId: orderId);

        var answer = await Api.ConfirmAsync(transactionId, "100");

        Assert.That((answer.ReturnCode, answer.ReturnMessage), Is.EqualTo(("0000", "OK")));
        Assert.That(answer.Info.GetProperty("orderId").GetString(), Is.EqualTo(orderId));
        Assert.That(Regex.Match(answer.Body, "\"transactionId\":([0-9]+)").Groups[1].Value,
            Is.EqualTo(transactionId.ToString(CultureInfo.InvariantCulture)));
        var payInfo = answer.Info.GetProperty("payInfo").EnumerateArray().ToArray();
        Assert.That(payInfo.Sum(p => p.GetProperty("amount").GetDecimal()), Is.EqualTo(100m));
        Assert.That(payInfo[0].GetProperty("method").GetString(), Is.EqualTo("CREDIT_CARD"));
        Assert.That(answer.Body, Does.Contain("\"amount\":100}"), "TWD amounts are written as integers");
        Assert.That(answer.Info.TryGetProperty("paymentProvider", out _), Is.False, "v3 has no paymentProvider");
        Assert.That(answer.Info.TryGetProperty("authorizationExpireDate", out _), Is.False);

        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.State, Is.EqualTo(TransactionState.Captured));
        Assert.That(stored.CapturedAmount, Is.EqualTo(100m));
        Assert.That(stored.ConfirmCount, Is.EqualTo(1));
    }

    [Test]
    public async Task V4ConfirmNamesThePaymentProvider()
    {
        var transactionId = await ApprovedPaymentAsync(version: 4);

        var answer = await Api.ConfirmAsync(transactionId, "100", version: 4);

        Assert.That(answer.Info.GetProperty("paymentProvider").GetString(), Is.EqualTo("TSP"));
    }

    [Test]
    public async Task AuthorizeOnlyConfirmAnswersTheAuthorizationExpiry()
    {
        var transactionId = await ApprovedPaymentAsync(amount: "250.50", currency: "THB", capture: false);

        var answer = await Api.ConfirmAsync(transactionId, "250.50", "THB");

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.State, Is.EqualTo(TransactionState.Authorized));
        Assert.That(stored.CapturedAmount, Is.Zero);
        Assert.That(stored.AuthorizationExpiresAt, Is.EqualTo(stored.ConfirmedAt + TimeSpan.FromDays(5)));
        var written = answer.Info.GetProperty("authorizationExpireDate").GetString();
        Assert.That(written, Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(DateTimeOffset.Parse(written!, CultureInfo.InvariantCulture),
            Is.EqualTo(stored.AuthorizationExpiresAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(answer.Body, Does.Contain("\"amount\":250.5"));
    }

    [Test]
    public async Task ConfirmBeforeTheCustomerApprovedIs1169()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        Assert.That((await Api.ConfirmAsync(transactionId, "100")).ReturnCode, Is.EqualTo("1169"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Reserved));
    }

    [TestCase("90", "TWD", "1153")]
    [TestCase("100", "THB", "1153")]
    [TestCase("100.0", "TWD", "1124")]
    public async Task ConfirmMustRepeatTheRequestedAmountAndCurrency(string amount, string currency, string expected)
    {
        var transactionId = await ApprovedPaymentAsync();

        var answer = await Api.ConfirmAsync(transactionId, amount, currency);

        Assert.That(answer.ReturnCode, Is.EqualTo(expected));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authenticated));
    }

    [Test]
    public async Task ConfirmWithoutCurrencyIs2101()
    {
        var transactionId = await ApprovedPaymentAsync();

        var answer = await Api.PostAsync($"/v3/payments/{transactionId}/confirm", """{"amount":100}""");

        Assert.That(answer.ReturnCode, Is.EqualTo("2101"));
    }

    [Test]
    public async Task ConfirmOfAnUnknownOrMalformedIdIs1150Or1155()
    {
        Assert.That((await Api.ConfirmAsync(2023042201206549310, "100")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.PostAsync("/v3/payments/abc/confirm", """{"amount":100,"currency":"TWD"}""")).ReturnCode,
            Is.EqualTo("1155"));
    }

    [Test]
    public async Task ConfirmAfterCancelIs1179()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        await Emulator.CancelAsync(transactionId);

        Assert.That((await Api.ConfirmAsync(transactionId, "100")).ReturnCode, Is.EqualTo("1179"));
    }

    [Test]
    public async Task SecondConfirmIs1172()
    {
        var transactionId = await ConfirmedPaymentAsync();

        var again = await Api.ConfirmAsync(transactionId, "100");

        Assert.That(again.ReturnCode, Is.EqualTo("1172"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.ConfirmCount, Is.EqualTo(1));
    }

    [Test]
    public async Task FiftyConcurrentConfirmsPayOnce()
    {
        var transactionId = await ApprovedPaymentAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Api.ConfirmAsync(transactionId, "100")));

        Assert.That(answers.Count(a => a.ReturnCode == "0000"), Is.EqualTo(1));
        Assert.That(answers.Where(a => a.ReturnCode != "0000").Select(a => a.ReturnCode),
            Is.All.AnyOf("1172", "1198"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.ConfirmCount, Is.EqualTo(1));
        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Confirm), Is.EqualTo(50));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm, transactionId).Count(c => c.ReturnCode == "0000"),
            Is.EqualTo(1));
    }

    [Test]
    public async Task ConfirmWhileAnotherIsInFlightIs1198()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            ProcessingTime = TimeSpan.FromSeconds(2),
            SecondConfirmReturnCode = "1152"
        });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var transactionId = await api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        await emulator.ApproveAsync(transactionId);

        var first = api.ConfirmAsync(transactionId, "100");
        while (!emulator.Transactions.Find(transactionId)!.InFlight)
            await Task.Delay(10);
        var concurrent = await api.ConfirmAsync(transactionId, "100");
        var firstAnswer = await first;
        var after = await api.ConfirmAsync(transactionId, "100");

        Assert.That(concurrent.ReturnCode, Is.EqualTo("1198"));
        Assert.That(firstAnswer.ReturnCode, Is.EqualTo("0000"));
        Assert.That(after.ReturnCode, Is.EqualTo("1152"));
        Assert.That(emulator.Transactions.Find(transactionId)!.ConfirmCount, Is.EqualTo(1));
    }

    [Test]
    public async Task JournalRecordsEachCall()
    {
        var transactionId = await ApprovedPaymentAsync(version: 4);
        await Api.ConfirmAsync(transactionId, "100", version: 4);

        var calls = Emulator.Journal.Calls;

        Assert.That(calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Request, LinePayEndpoint.Confirm }));
        Assert.That(calls.Select(c => c.TransactionId), Is.All.EqualTo(transactionId));
        Assert.That(calls[1].Method, Is.EqualTo("POST"));
        Assert.That(calls[1].Path, Is.EqualTo($"/v4/payments/{transactionId}/confirm"));
        Assert.That(calls[1].ApiVersion, Is.EqualTo(4));
        Assert.That(calls[1].ReturnCode, Is.EqualTo("0000"));
        Assert.That(calls[1].Fault, Is.Null);
        Assert.That(calls[1].Timestamp, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }
}
