using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class V4IntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task AV4RoundTripCallsV4PathsAndReadsThePaymentProvider()
    {
        var client = NewClient(LinePayApiVersion.V4);
        var request = PaymentRequests.Create(price: 60m, quantity: 5, capture: false);

        var reserved = await client.RequestPaymentAsync(request);
        await Emulator.Customer.ApproveAsync(new Uri(reserved.PaymentUrl.Web));
        var status = await client.CheckPaymentStatusAsync(reserved.TransactionId);
        var confirmed = await client.ConfirmPaymentAsync(reserved.TransactionId, 300m, "TWD");
        var captured = await client.CapturePaymentAsync(reserved.TransactionId, 300m, "TWD");
        var refund = await client.RefundPaymentAsync(reserved.TransactionId, 100m, "TWD");
        var details = (await client.GetPaymentDetailsAsync([reserved.TransactionId], [request.OrderId])).Single();

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.Authenticated));
        Assert.That((confirmed.TransactionId, confirmed.PaymentProvider), Is.EqualTo((reserved.TransactionId, "TSP")));
        Assert.That(confirmed.AuthorizationExpireDate, Is.Not.Null);
        Assert.That((captured.TransactionId, captured.PaymentProvider), Is.EqualTo((reserved.TransactionId, "TSP")));
        Assert.That(captured.PayInfo.Sum(p => p.Amount), Is.EqualTo(300m));
        Assert.That((details.TransactionId, details.PaymentProvider, details.PayStatus),
            Is.EqualTo((reserved.TransactionId, "TSP", "CAPTURE")));
        Assert.That(details.RefundList.Single().RefundTransactionId, Is.EqualTo(refund.RefundTransactionId));
        Assert.That(details.RefundList.Single().RefundAmount, Is.EqualTo(-100m));

        var stored = Emulator.Transactions.Find(reserved.TransactionId);
        Assert.That((stored.State, stored.CapturedAmount, stored.RefundedAmount), Is.EqualTo((TransactionState.Captured, 300m, 100m)));
        var calls = Emulator.Journal.Calls;
        Assert.That(calls.Select(c => c.Endpoint), Is.EqualTo(new[]
        {
            LinePayEndpoint.Request, LinePayEndpoint.Check, LinePayEndpoint.Confirm, LinePayEndpoint.Capture,
            LinePayEndpoint.Refund, LinePayEndpoint.Details
        }));
        Assert.That(calls.Select(c => c.ApiVersion), Has.All.EqualTo(4));
        Assert.That(calls.Select(c => c.Path), Has.All.StartWith("/v4/payments"));
        Assert.That(calls.Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "0110", "0000", "0000", "0000", "0000" }));
        Assert.That(calls[0].TransactionId, Is.EqualTo(reserved.TransactionId));
    }

    [Test]
    public async Task V4VoidAndPreapprovedCallsUseV4Paths()
    {
        var client = NewClient(LinePayApiVersion.V4);
        var authorized = await ConfirmedThroughClientAsync(PaymentRequests.Create(capture: false), client);
        var preapproved = PaymentRequests.Create(payType: "PREAPPROVED");
        var preapprovedId = await ApprovedThroughClientAsync(preapproved, client);
        var regKey = (await client.ConfirmPaymentAsync(preapprovedId, preapproved.Amount, "TWD")).RegKey;
        Emulator.Journal.Clear();

        await client.VoidPaymentAsync(authorized);
        await client.CheckRegKeyAsync(regKey);
        var paid = await client.PayPreapprovedAsync(regKey, new PreapprovedPaymentRequest
        {
            ProductName = "Monthly box", Amount = 30m, Currency = "TWD", OrderId = PaymentRequestBody.NewOrderId()
        });
        await client.ExpireRegKeyAsync(regKey);

        Assert.That(paid.PaymentProvider, Is.EqualTo("TSP"));
        Assert.That(Emulator.Transactions.Find(paid.TransactionId).Amount, Is.EqualTo(30m));
        Assert.That(Emulator.Transactions.Find(authorized).State, Is.EqualTo(TransactionState.Voided));
        Assert.That(Emulator.Transactions.FindRegKey(regKey).Expired, Is.True);
        Assert.That(Emulator.Journal.Calls.Select(c => (c.Path, c.ApiVersion, c.ReturnCode)), Is.EqualTo(new[]
        {
            ($"/v4/payments/authorizations/{authorized}/void", 4, "0000"),
            ($"/v4/payments/preapprovedPay/{regKey}/check", 4, "0000"),
            ($"/v4/payments/preapprovedPay/{regKey}/payment", 4, "0000"),
            ($"/v4/payments/preapprovedPay/{regKey}/expire", 4, "0000")
        }));
    }
}
