using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class PreapprovedIntegrationTests : ClientIntegrationTest
{
    private async Task<string> RegKeyAsync(string currency = "TWD", decimal price = 50m)
    {
        var request = PaymentRequests.Create(price: price, currency: currency, payType: "PREAPPROVED");
        var transactionId = await ApprovedThroughClientAsync(request);
        var confirmed = await Client.ConfirmPaymentAsync(transactionId, request.Amount, request.Currency);
        return confirmed.RegKey;
    }

    private static PreapprovedPaymentRequest Charge(decimal amount, string currency = "TWD", bool? capture = null) => new()
    {
        ProductName = "Monthly box",
        Amount = amount,
        Currency = currency,
        OrderId = PaymentRequestBody.NewOrderId(),
        Capture = capture
    };

    [Test]
    public async Task ConfirmOfAPreapprovedRequestReturnsTheRegKeyTheEmulatorIssued()
    {
        var request = PaymentRequests.Create(payType: "PREAPPROVED");
        var transactionId = await ApprovedThroughClientAsync(request);

        var info = await Client.ConfirmPaymentAsync(transactionId, request.Amount, request.Currency);

        Assert.That(info.RegKey, Is.Not.Null.And.EqualTo(Emulator.Transactions.Find(transactionId).RegKey));
        var key = Emulator.Transactions.FindRegKey(info.RegKey);
        Assert.That((key.TransactionId, key.Currency, key.Expired), Is.EqualTo((transactionId, "TWD", false)));
    }

    [Test]
    public async Task PayPreapprovedChargesTheCustomerWithoutApproval()
    {
        var regKey = await RegKeyAsync();
        var charge = Charge(299m);

        var info = await Client.PayPreapprovedAsync(regKey, charge);

        Assert.That(info.OrderId, Is.EqualTo(charge.OrderId));
        Assert.That(info.AuthorizationExpireDate, Is.Null);
        var stored = Emulator.Transactions.Find(info.TransactionId);
        Assert.That(stored, Is.Not.Null, "the 19-digit id was read exactly");
        Assert.That((stored.OrderId, stored.Amount, stored.State, stored.Preapproved, stored.RegKey),
            Is.EqualTo((charge.OrderId, 299m, TransactionState.Captured, true, regKey)));
        Assert.That(info.TransactionDate, Is.EqualTo(stored.ConfirmedAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(Emulator.Transactions.FindRegKey(regKey).PaymentCount, Is.EqualTo(1));
        var call = Emulator.Journal.For(LinePayEndpoint.PayPreapproved).Single();
        Assert.That((call.Path, call.RegKey, call.TransactionId, call.ReturnCode),
            Is.EqualTo(($"/v3/payments/preapprovedPay/{regKey}/payment", regKey, (long?)info.TransactionId, "0000")));
    }

    [Test]
    public async Task PayPreapprovedWithoutCaptureAuthorizesAndCanBeCapturedLater()
    {
        var regKey = await RegKeyAsync();

        var info = await Client.PayPreapprovedAsync(regKey, Charge(80m, capture: false));
        var captured = await Client.CapturePaymentAsync(info.TransactionId, 80m, "TWD");

        var stored = Emulator.Transactions.Find(info.TransactionId);
        Assert.That(info.AuthorizationExpireDate, Is.EqualTo(stored.AuthorizationExpiresAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(captured.PayInfo.Sum(p => p.Amount), Is.EqualTo(80m));
        Assert.That((stored.State, stored.CapturedAmount), Is.EqualTo((TransactionState.Captured, 80m)));
    }

    [Test]
    public async Task CheckRegKeySucceedsWhileTheKeyIsUsableAndExpireRegKeyEndsIt()
    {
        var regKey = await RegKeyAsync();

        await Client.CheckRegKeyAsync(regKey);
        await Client.ExpireRegKeyAsync(regKey);
        var check = Assert.ThrowsAsync<LinePayApiException>(() => Client.CheckRegKeyAsync(regKey));
        var pay = Assert.ThrowsAsync<LinePayApiException>(() => Client.PayPreapprovedAsync(regKey, Charge(10m)));

        Assert.That((check.ReturnCode, check.Classification), Is.EqualTo(("1193", LinePayReturnCodeClass.Final)));
        Assert.That(pay.ReturnCode, Is.EqualTo("1193"));
        var key = Emulator.Transactions.FindRegKey(regKey);
        Assert.That((key.Expired, key.PaymentCount), Is.EqualTo((true, 0)));
        var calls = Emulator.Journal.Calls.Where(c => c.RegKey == regKey).ToList();
        Assert.That(calls.Select(c => (c.Endpoint, c.Method, c.Path, c.ReturnCode)), Is.EqualTo(new[]
        {
            (LinePayEndpoint.CheckRegKey, "GET", $"/v3/payments/preapprovedPay/{regKey}/check", "0000"),
            (LinePayEndpoint.ExpireRegKey, "POST", $"/v3/payments/preapprovedPay/{regKey}/expire", "0000"),
            (LinePayEndpoint.CheckRegKey, "GET", $"/v3/payments/preapprovedPay/{regKey}/check", "1193"),
            (LinePayEndpoint.PayPreapproved, "POST", $"/v3/payments/preapprovedPay/{regKey}/payment", "1193")
        }));
    }

    [Test]
    public async Task CheckRegKeyWithCreditCardAuthSignsAndSendsTheQuery()
    {
        var regKey = await RegKeyAsync();

        await Client.CheckRegKeyAsync(regKey, creditCardAuth: true);

        var call = Emulator.Journal.For(LinePayEndpoint.CheckRegKey).Single();
        Assert.That((call.Query, call.ReturnCode), Is.EqualTo(("creditCardAuth=true", "0000")));
    }

    [Test]
    public void AnUnknownRegKeyIs1190Final()
    {
        var check = Assert.ThrowsAsync<LinePayApiException>(() => Client.CheckRegKeyAsync("RKUNKNOWN000000"));
        var expire = Assert.ThrowsAsync<LinePayApiException>(() => Client.ExpireRegKeyAsync("RKUNKNOWN000000"));

        Assert.That((check.ReturnCode, check.Classification), Is.EqualTo(("1190", LinePayReturnCodeClass.Final)));
        Assert.That(expire.ReturnCode, Is.EqualTo("1190"));
        Assert.That(Emulator.Journal.Calls.Select(c => c.ReturnCode), Is.EqualTo(new[] { "1190", "1190" }));
    }

    [Test]
    public async Task APreapprovedThbChargeKeepsItsTwoDecimals()
    {
        var regKey = await RegKeyAsync("THB", 49.95m);

        var info = await Client.PayPreapprovedAsync(regKey, Charge(12.34m, "THB"));

        Assert.That(Emulator.Transactions.Find(info.TransactionId).Amount, Is.EqualTo(12.34m));
    }
}
