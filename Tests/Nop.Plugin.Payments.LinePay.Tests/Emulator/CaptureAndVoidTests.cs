using System.Text.RegularExpressions;
using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class CaptureAndVoidTests : EmulatorTest
{
    [TestCase(3)]
    [TestCase(4)]
    public async Task CaptureTakesTheAuthorizedAmount(int version)
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var answer = await Api.CaptureAsync(transactionId, "100", version: version);

        Assert.That((answer.ReturnCode, answer.ReturnMessage), Is.EqualTo(("0000", "OK")));
        Assert.That(answer.Info.GetProperty("transactionId").GetInt64(), Is.EqualTo(transactionId));
        Assert.That(answer.Info.GetProperty("payInfo")[0].GetProperty("amount").GetDecimal(), Is.EqualTo(100m));
        Assert.That(answer.Info.TryGetProperty("paymentProvider", out _), Is.EqualTo(version == 4));
        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.State, Is.EqualTo(TransactionState.Captured));
        Assert.That(stored.CapturedAmount, Is.EqualTo(100m));
    }

    [Test]
    public async Task PartialCaptureReleasesTheRest()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var answer = await Api.CaptureAsync(transactionId, "60");

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.CapturedAmount, Is.EqualTo(60m));
        Assert.That((await Api.CaptureAsync(transactionId, "40")).ReturnCode, Is.EqualTo("1179"));
    }

    [TestCase("101", "TWD", "1184")]
    [TestCase("0", "TWD", "1183")]
    [TestCase("100", "USD", "1153")]
    [TestCase("50.5", "TWD", "1124")]
    public async Task CaptureRefusesAmountsItCannotTake(string amount, string currency, string expected)
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var answer = await Api.CaptureAsync(transactionId, amount, currency);

        Assert.That(answer.ReturnCode, Is.EqualTo(expected));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authorized));
    }

    [Test]
    public async Task CaptureOfAPaymentAlreadyCapturedOnConfirmIs1179()
    {
        var transactionId = await ConfirmedPaymentAsync();

        Assert.That((await Api.CaptureAsync(transactionId, "100")).ReturnCode, Is.EqualTo("1179"));
    }

    [Test]
    public async Task CaptureOfAnUnknownTransactionIs1150()
    {
        Assert.That((await Api.CaptureAsync(2023042201206549310, "100")).ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task CaptureAfterTheAuthorizationExpiredIs1180()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);
        Emulator.Clock.Advance(TimeSpan.FromDays(5));

        var answer = await Api.CaptureAsync(transactionId, "100");

        Assert.That(answer.ReturnCode, Is.EqualTo("1180"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.AuthorizationExpired));
    }

    [TestCase(3)]
    [TestCase(4)]
    public async Task VoidCancelsTheAuthorizationOnce(int version)
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var voided = await Api.VoidAsync(transactionId, version);
        var again = await Api.VoidAsync(transactionId, version);

        Assert.That((voided.ReturnCode, voided.ReturnMessage, voided.HasInfo), Is.EqualTo(("0000", "OK", false)));
        Assert.That(again.ReturnCode, Is.EqualTo("1165"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Voided));
        Assert.That((await Api.CaptureAsync(transactionId, "100")).ReturnCode, Is.EqualTo("1179"));
    }

    [Test]
    public async Task VoidAcceptsAnEmptyObjectBody()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var answer = await Api.PostAsync($"/v3/payments/authorizations/{transactionId}/void", "{}");

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task VoidOfACapturedPaymentIs1179AndOfAnExpiredAuthorization1165()
    {
        var captured = await ConfirmedPaymentAsync();
        var expiring = await ConfirmedPaymentAsync(capture: false);
        Emulator.Clock.Advance(TimeSpan.FromDays(6));

        Assert.That((await Api.VoidAsync(captured)).ReturnCode, Is.EqualTo("1179"));
        Assert.That((await Api.VoidAsync(expiring)).ReturnCode, Is.EqualTo("1165"));
        Assert.That((await Api.VoidAsync(2023042201206549310)).ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task SettingsChangeTheAuthorizationLifetimeAndTheCaptureId()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            AuthorizationLifetime = TimeSpan.FromDays(31),
            CaptureIssuesNewTransactionId = true
        });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var transactionId = await api.RequestAsync(
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()).WithPayment(capture: false));
        await emulator.ApproveAsync(transactionId);
        await api.ConfirmAsync(transactionId, "100");
        emulator.Clock.Advance(TimeSpan.FromDays(30));

        var answer = await api.CaptureAsync(transactionId, "100");

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        var captureId = long.Parse(Regex.Match(answer.Body, "\"transactionId\":([0-9]+)").Groups[1].Value);
        Assert.That(captureId, Is.Not.EqualTo(transactionId));
        Assert.That(captureId, Is.GreaterThan(1L << 53));
    }
}
