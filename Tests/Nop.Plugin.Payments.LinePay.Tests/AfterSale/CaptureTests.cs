using System.Globalization;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

[TestFixture]
public class CaptureTests : AfterSaleTest
{
    [Test]
    public async Task CapturesTheWholeAuthorizationEvenAfterTheStoreSwitchedToCaptureImmediately()
    {
        //the store's settings say capture immediately; the order was authorized before that
        var order = await ConfirmedOrderAsync(amount: 1000m, capture: false);
        var transactionId = PaymentOf(order).TransactionId;

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(result.CaptureTransactionId, Is.EqualTo(transactionId.ToString(CultureInfo.InvariantCulture)));
        Assert.That(result.CaptureTransactionResult, Is.EqualTo("LINE Pay captured 1000 TWD"));
        var payment = PaymentOf(order);
        Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(payment.CapturedAmount, Is.EqualTo(1000m));
        Assert.That(payment.CapturedOnUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Capture.Done", "1000 TWD", transactionId) }));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Capture).Single().Body, Is.EqualTo("{\"amount\":1000,\"currency\":\"TWD\"}"));
        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Captured));
        Assert.That(transaction.CapturedAmount, Is.EqualTo(1000m));
        Assert.That(CallsTo(LinePayEndpoint.Details), Is.Zero);
    }

    [TestCase(nameof(LinePayPaymentSettings.ChannelSecret), "")]
    [TestCase(nameof(LinePayPaymentSettings.ApiBaseAddress), "ftp://example.com/")]
    public async Task AnOrderOfAStoreWhoseSettingsCannotMakeAClientIsNotCaptured(string setting, string value)
    {
        var order = await ConfirmedOrderAsync(capture: false);
        //the shared settings work; the order's store overrides one of them with a value no client can use
        Store.Settings.Set(order.StoreId, setting, value);

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("AfterSale.NotConfigured") }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Authorized));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }

    [Test]
    public async Task AnAuthorizationExpiredOnRecordIsRefusedWithoutCallingLinePay()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var payment = PaymentOf(order);
        payment.AuthorizationExpiresOnUtc = new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        Store.SavePayment(order.Id, payment);

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        var expected = English("Capture.Expired", payment.TransactionId, "2025-03-01 08:00:00Z");
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.AuthorizationExpired));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }

    [Test]
    public async Task AnAuthorizationLinePayReportsExpiredIsRefusedWithCode1180()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Clock.Advance(Emulator.Settings.AuthorizationLifetime + TimeSpan.FromHours(1));

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        var expected = English("Capture.Expired", transactionId, $"1180 ({English("ReturnCode.1180")})");
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Pending), "nopCommerce ignores it on failure");
        var payment = PaymentOf(order);
        Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.AuthorizationExpired));
        Assert.That(payment.LastReturnCode, Is.EqualTo("1180"));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(CallsTo(LinePayEndpoint.Capture), Is.EqualTo(1));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.AuthorizationExpired));
    }

    [TestCase("1281")]
    [TestCase("1298")]
    public async Task ACaptureTheCardIssuerDeclinesLeavesTheAuthorizationCancelled(string code)
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Capture, Fault.Answer(code));

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        var expected = English("Capture.Declined", transactionId, $"{code} ({English("ReturnCode.CardDeclined")})");
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        var payment = PaymentOf(order);
        Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Voided));
        Assert.That(payment.LastReturnCode, Is.EqualTo(code));
        Assert.That(payment.CapturedAmount, Is.Null);
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(CallsTo(LinePayEndpoint.Capture), Is.EqualTo(1));
        Assert.That(CallsTo(LinePayEndpoint.Details), Is.Zero, "a decline is final: nothing to find out");
    }

    [Test]
    public async Task ACallerErrorIsReportedWithItsCodeAndNothingElseIsTried()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        Emulator.Faults.Next(LinePayEndpoint.Capture, Fault.Answer("1104"));

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Capture.Refused", $"1104 ({English("ReturnCode.1104")})") }));
        Assert.That(result.Errors.Single(), Does.Not.Contain(Emulator.ChannelSecret));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Authorized));
        Assert.That(PaymentOf(order).LastReturnCode, Is.EqualTo("1104"));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Capture }));
    }

    [Test]
    public async Task APaidOrderIsNotCapturedAgain()
    {
        var order = await ConfirmedOrderAsync(capture: true);

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Capture.NotAuthorized", "Paid") }));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }

    [Test]
    public async Task ACaptureWhoseAnswerWasLostIsFoundInPaymentDetails()
    {
        var order = await ConfirmedOrderAsync(amount: 500m, capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Capture, Fault.ApplyThenAbort());

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(result.CaptureTransactionId, Is.EqualTo(transactionId.ToString(CultureInfo.InvariantCulture)));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(PaymentOf(order).CapturedAmount, Is.EqualTo(500m));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Capture.DoneFoundInDetails", "500 TWD", transactionId) }));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Capture, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Captured));
    }

    [Test]
    public async Task ACaptureWithAnAmbiguousAnswerThatDetailsDoesNotShowIsReportedUnknownAndNotRetried()
    {
        var order = await ConfirmedOrderAsync(capture: false);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Capture, Fault.Answer("9000"));

        var result = await CaptureService.CaptureAsync(new CapturePaymentRequest { Order = order });

        var expected = English("Capture.Unknown", "1000 TWD", transactionId, $"9000 ({English("ReturnCode.9000")})");
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(PaymentOf(order).State, Is.EqualTo(LinePayPaymentState.Authorized));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Capture, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authorized));
    }
}
