using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class PreapprovedTests : PreapprovedTest
{
    [Test]
    public async Task ConfirmOfAPreapprovedRequestIssuesARegKey()
    {
        var transactionId = await Api.RequestAsync(Registration());
        await Emulator.ApproveAsync(transactionId);

        var answer = await Api.ConfirmAsync(transactionId, "1000");

        var regKey = answer.Info.GetProperty("regKey").GetString();
        Assert.That(regKey, Does.Match("^RK[A-Z0-9]{13}$"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RegKey, Is.EqualTo(regKey));
        Assert.That(Emulator.Transactions.FindRegKey(regKey!)!.Expired, Is.False);
    }

    [TestCase(3)]
    [TestCase(4)]
    public async Task RegKeyPaysWithoutTheCustomer(int version)
    {
        var regKey = await RegKeyAsync();
        var orderId = PaymentRequestBody.NewOrderId();

        var check = await Api.GetAsync($"/v{version}/payments/preapprovedPay/{regKey}/check", "creditCardAuth=false");
        var pay = await PayAsync(regKey, orderId, "300", version: version);

        Assert.That(check.ReturnCode, Is.EqualTo("0000"));
        Assert.That((pay.ReturnCode, pay.ReturnMessage), Is.EqualTo(("0000", "OK")));
        var transactionId = pay.Info.GetProperty("transactionId").GetInt64();
        Assert.That(transactionId, Is.GreaterThan(1L << 53));
        Assert.That(pay.Info.GetProperty("orderId").GetString(), Is.EqualTo(orderId));
        Assert.That(pay.Info.GetProperty("transactionDate").GetString(), Does.EndWith("Z"));
        Assert.That(pay.Info.TryGetProperty("paymentProvider", out _), Is.EqualTo(version == 4));
        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That((stored.State, stored.CapturedAmount, stored.RegKey), Is.EqualTo((TransactionState.Captured, 300m, regKey)));
        Assert.That((await Api.DetailsAsync($"transactionId={transactionId}")).Info[0].GetProperty("productName").GetString(),
            Is.EqualTo("Monthly box"));
    }

    [Test]
    public async Task RegKeyCanAuthorizeOnly()
    {
        var regKey = await RegKeyAsync();

        var pay = await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "300", capture: false);

        Assert.That(pay.Info.GetProperty("authorizationExpireDate").GetString(), Does.EndWith("Z"));
        var transactionId = pay.Info.GetProperty("transactionId").GetInt64();
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authorized));
        Assert.That((await Api.CaptureAsync(transactionId, "300")).ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task ExpiredRegKeyIs1193AndUnknownRegKey1190()
    {
        var regKey = await RegKeyAsync();

        var expire = await Api.PostAsync($"/v3/payments/preapprovedPay/{regKey}/expire", string.Empty);

        Assert.That((expire.ReturnCode, expire.HasInfo), Is.EqualTo(("0000", false)));
        Assert.That((await Api.GetAsync($"/v3/payments/preapprovedPay/{regKey}/check")).ReturnCode, Is.EqualTo("1193"));
        Assert.That((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100")).ReturnCode, Is.EqualTo("1193"));
        Assert.That((await Api.PostAsync($"/v3/payments/preapprovedPay/{regKey}/expire", "")).ReturnCode, Is.EqualTo("1193"));
        Assert.That((await Api.GetAsync("/v3/payments/preapprovedPay/RKUNKNOWN000000/check")).ReturnCode, Is.EqualTo("1190"));
        Assert.That((await PayAsync("RKUNKNOWN000000", PaymentRequestBody.NewOrderId(), "100")).ReturnCode, Is.EqualTo("1190"));
        Assert.That((await Api.PostAsync("/v3/payments/preapprovedPay/RKUNKNOWN000000/expire", "")).ReturnCode, Is.EqualTo("1190"));
    }

    [Test]
    public async Task PaymentWithARegKeyIsValidated()
    {
        var regKey = await RegKeyAsync();
        var orderId = PaymentRequestBody.NewOrderId();
        await PayAsync(regKey, orderId, "100");

        Assert.That((await PayAsync(regKey, orderId, "100")).ReturnCode, Is.EqualTo("1172"));
        Assert.That((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100", currency: "THB")).ReturnCode, Is.EqualTo("1178"));
        Assert.That((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100.0")).ReturnCode, Is.EqualTo("1124"));
        Assert.That((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "0")).ReturnCode, Is.EqualTo("1183"));
        Assert.That((await Api.PostAsync($"/v3/payments/preapprovedPay/{regKey}/payment", """{"amount":1,"currency":"TWD","orderId":"x"}""")).ReturnCode,
            Is.EqualTo("2101"));
    }

    [Test]
    public async Task DetailsOfMoreThan100TransactionsIs1177()
    {
        var regKey = await RegKeyAsync();
        var ids = new List<long>();
        for (var i = 0; i < 101; i++)
            ids.Add((await PayAsync(regKey, PaymentRequestBody.NewOrderId(), "1")).Info.GetProperty("transactionId").GetInt64());

        var hundred = await Api.DetailsAsync(string.Join('&', ids.Take(100).Select(id => $"transactionId={id}")));
        var hundredAndOne = await Api.DetailsAsync(string.Join('&', ids.Select(id => $"transactionId={id}")));

        Assert.That(hundred.Info.GetArrayLength(), Is.EqualTo(100));
        Assert.That(hundredAndOne.ReturnCode, Is.EqualTo("1177"));
    }

    [Test]
    public async Task SecondPaymentWhileOneIsInFlightIs1197()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings { ProcessingTime = TimeSpan.FromSeconds(1) });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var transactionId = await api.RequestAsync(Registration());
        await emulator.ApproveAsync(transactionId);
        var regKey = (await api.ConfirmAsync(transactionId, "1000")).Info.GetProperty("regKey").GetString()!;

        var first = api.PostAsync($"/v3/payments/preapprovedPay/{regKey}/payment", PayBody(PaymentRequestBody.NewOrderId(), "100"));
        while (!emulator.Transactions.FindRegKey(regKey)!.InFlight)
            await Task.Delay(10);
        var concurrent = await api.PostAsync($"/v3/payments/preapprovedPay/{regKey}/payment",
            PayBody(PaymentRequestBody.NewOrderId(), "100"));

        Assert.That(concurrent.ReturnCode, Is.EqualTo("1197"));
        Assert.That((await first).ReturnCode, Is.EqualTo("0000"));
        Assert.That(emulator.Transactions.FindRegKey(regKey)!.PaymentCount, Is.EqualTo(1));
    }
}
