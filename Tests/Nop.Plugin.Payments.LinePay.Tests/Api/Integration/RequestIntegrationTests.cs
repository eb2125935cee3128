using System.Globalization;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class RequestIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task RequestReadsThe19DigitTransactionIdExactlyAsTheEmulatorStoredIt()
    {
        var request = PaymentRequests.Create(price: 50m, quantity: 2);

        var info = await Client.RequestPaymentAsync(request);

        var id = info.TransactionId;
        Assert.That(id.ToString(CultureInfo.InvariantCulture), Has.Length.EqualTo(19));
        Assert.That(id, Is.GreaterThan(1L << 53));
        Assert.That((long)(double)id, Is.Not.EqualTo(id), "a double could not have carried this id");
        var stored = Emulator.Transactions.Find(id);
        Assert.That(stored, Is.Not.Null, "the id the client read is one the emulator issued");
        Assert.That((stored.OrderId, stored.Amount, stored.Currency, stored.State),
            Is.EqualTo((request.OrderId, 100m, "TWD", TransactionState.Reserved)));
        var call = Emulator.Journal.For(LinePayEndpoint.Request).Single();
        Assert.That((call.Method, call.Path, call.ApiVersion, call.ReturnCode, call.TransactionId),
            Is.EqualTo(("POST", "/v3/payments/request", 3, "0000", (long?)id)));
    }

    [Test]
    public async Task RequestReturnsTheEmulatorsApprovalPageAndAppLink()
    {
        var info = await Client.RequestPaymentAsync(PaymentRequests.Create());

        var stored = Emulator.Transactions.Find(info.TransactionId);
        Assert.That(info.PaymentUrl.Web, Is.EqualTo(stored.PaymentUrl.AbsoluteUri));
        Assert.That(info.PaymentUrl.Web, Does.StartWith(Emulator.BaseAddress.AbsoluteUri));
        Assert.That(info.PaymentUrl.App, Does.StartWith("line://pay/payment/"));
        Assert.That(info.PaymentAccessToken, Does.Match("^[0-9]{12}$"));
    }

    [Test]
    public async Task ATotalWithTrailingZerosGoesOutAsAWholeTwdAmountTheEmulatorAccepts()
    {
        // The emulator refuses the literal 100.0 in TWD with 1124, so acceptance proves the client wrote 100.
        var request = PaymentRequests.Create(price: 50.00m, quantity: 2);
        request.Amount = 100.0000m;
        request.Packages[0].Amount = 100.00m;

        var info = await Client.RequestPaymentAsync(request);

        Assert.That(Emulator.Transactions.Find(info.TransactionId).Amount, Is.EqualTo(100m));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Request).Single().ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public void AFractionalTwdAmountIsRefusedByTheClientBeforeAnythingIsSent()
    {
        var request = PaymentRequests.Create(price: 50.25m, quantity: 2);

        var error = Assert.ThrowsAsync<ArgumentException>(() => Client.RequestPaymentAsync(request));

        Assert.That(error.Message, Does.Contain("100.5").And.Contain("TWD"));
        Assert.That(Emulator.Journal.Calls, Is.Empty, "no call reached the emulator");
        Assert.That(Emulator.Transactions.FindByOrderId(request.OrderId), Is.Empty);
    }

    [Test]
    public async Task TheSameFractionalTwdAmountSentRawIsRefusedByTheEmulatorWith1124()
    {
        var orderId = PaymentRequestBody.NewOrderId();

        var answer = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId, "100.5"));

        Assert.That(answer.ReturnCode, Is.EqualTo("1124"));
        Assert.That(answer.HasInfo, Is.False);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Request).Single().ReturnCode, Is.EqualTo("1124"));
        Assert.That(Emulator.Transactions.FindByOrderId(orderId), Is.Empty);
    }

    [Test]
    public void AFractionalTwdAmountIsRefusedOnConfirmCaptureAndRefundBeforeSending()
    {
        const long transactionId = 2023042201206549310;

        Assert.ThrowsAsync<ArgumentException>(() => Client.ConfirmPaymentAsync(transactionId, 100.5m, "TWD"));
        Assert.ThrowsAsync<ArgumentException>(() => Client.CapturePaymentAsync(transactionId, 0.1m, "TWD"));
        Assert.ThrowsAsync<ArgumentException>(() => Client.RefundPaymentAsync(transactionId, 10.01m, "TWD"));

        Assert.That(Emulator.Journal.Calls, Is.Empty, "no call reached the emulator");
    }
}
