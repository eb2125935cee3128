using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class ConfirmIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task ConfirmCapturesThePaymentAndReturnsPayInfoAddingUpToTheAmount()
    {
        var request = PaymentRequests.Create(price: 150m, quantity: 3);
        var transactionId = await ApprovedThroughClientAsync(request);

        var info = await Client.ConfirmPaymentAsync(transactionId, 450m, "TWD");

        Assert.That((info.TransactionId, info.OrderId), Is.EqualTo((transactionId, request.OrderId)));
        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(450m));
        Assert.That(info.PayInfo.Single().Method, Is.EqualTo(Emulator.Settings.PayMethod));
        Assert.That(info.Packages.Single().Amount, Is.EqualTo(450m));
        Assert.That(info.AuthorizationExpireDate, Is.Null);
        Assert.That(info.PaymentProvider, Is.Null, "v3 answers carry no paymentProvider");
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.CapturedAmount, stored.ConfirmCount),
            Is.EqualTo((TransactionState.Captured, 450m, 1)));
        var call = Emulator.Journal.For(LinePayEndpoint.Confirm).Single();
        Assert.That((call.Path, call.TransactionId, call.ReturnCode),
            Is.EqualTo(($"/v3/payments/{transactionId}/confirm", (long?)transactionId, "0000")));
    }

    [Test]
    public async Task ConfirmOfAnAuthorizeOnlyRequestReturnsTheAuthorizationExpireDate()
    {
        var request = PaymentRequests.Create(capture: false);
        var transactionId = await ApprovedThroughClientAsync(request);

        var info = await Client.ConfirmPaymentAsync(transactionId, 100m, "TWD");

        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That(stored.State, Is.EqualTo(TransactionState.Authorized));
        Assert.That(stored.CapturedAmount, Is.Zero);
        Assert.That(info.AuthorizationExpireDate, Is.Not.Null);
        // the wire carries whole seconds
        Assert.That(info.AuthorizationExpireDate.Value, Is.EqualTo(stored.AuthorizationExpiresAt.Value).Within(TimeSpan.FromSeconds(1)));
        Assert.That(info.AuthorizationExpireDate.Value - stored.ConfirmedAt.Value,
            Is.EqualTo(Emulator.Settings.AuthorizationLifetime).Within(TimeSpan.FromSeconds(1)));
        Assert.That(info.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task ConfirmWithAnotherAmountIsACallerErrorAndLeavesThePaymentUnconfirmed()
    {
        var transactionId = await ApprovedThroughClientAsync(PaymentRequests.Create());

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.ConfirmPaymentAsync(transactionId, 99m, "TWD"));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1153", LinePayReturnCodeClass.CallerError)));
        Assert.That(Emulator.Transactions.Find(transactionId).State, Is.EqualTo(TransactionState.Authenticated));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().ReturnCode, Is.EqualTo("1153"));
    }

    [Test]
    public async Task ConfirmBeforeTheCustomerApprovedIs1169Ambiguous()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());

        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            Client.ConfirmPaymentAsync(reserved.TransactionId, 100m, "TWD"));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1169", LinePayReturnCodeClass.Ambiguous)));
        Assert.That(Emulator.Transactions.Find(reserved.TransactionId).State, Is.EqualTo(TransactionState.Reserved));
    }

    [Test]
    public async Task ASecondConfirmIs1172AndDoesNotChargeTwice()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.ConfirmPaymentAsync(transactionId, 100m, "TWD"));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1172", LinePayReturnCodeClass.Ambiguous)));
        Assert.That(Emulator.Transactions.Find(transactionId).ConfirmCount, Is.EqualTo(1));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "1172" }));
    }
}
