using System.Net;
using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class CheckAndExpiryTests : EmulatorTest
{
    [Test]
    public async Task CheckFollowsTheCustomerAndTheConfirm()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var reserved = await Api.CheckAsync(transactionId);
        await Emulator.ApproveAsync(transactionId);
        var approved = await Api.CheckAsync(transactionId, version: 4);
        await Api.ConfirmAsync(transactionId, "100");
        var paid = await Api.CheckAsync(transactionId);

        Assert.That((reserved.ReturnCode, reserved.ReturnMessage), Is.EqualTo(("0000", "reserved transaction.")));
        Assert.That((approved.ReturnCode, approved.ReturnMessage), Is.EqualTo(("0110", "authentication is done.")));
        Assert.That(paid.ReturnCode, Is.EqualTo("0123"));
        Assert.That(new[] { reserved, approved, paid }.Select(a => a.HasInfo), Is.All.False);
    }

    [Test]
    public async Task CheckOfAFailedPaymentIs0122()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        await Emulator.Customer.FailAsync(transactionId);

        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0122"));
    }

    [Test]
    public async Task CheckOfAnAuthorizedPaymentIs0123()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0123"));
    }

    [Test]
    public async Task CheckOfAnUnknownTransactionIs1150()
    {
        Assert.That((await Api.CheckAsync(2023042201206549310)).ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task ReservationExpiresAfter20Minutes()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        Emulator.Clock.Advance(TimeSpan.FromMinutes(19));
        var before = await Api.CheckAsync(transactionId);
        Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await Api.CheckAsync(transactionId);

        Assert.That(before.ReturnCode, Is.EqualTo("0000"));
        Assert.That(after.ReturnCode, Is.EqualTo("0121"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Expired));
    }

    [Test]
    public async Task ExpiredReservationCannotBeApproved()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        Emulator.Clock.Advance(TimeSpan.FromMinutes(21));

        var approve = () => Emulator.ApproveAsync(transactionId);

        Assert.That(approve, Throws.InvalidOperationException);
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Expired));
    }

    [Test]
    public async Task ApprovedButUnconfirmedPaymentExpiresAndConfirmIs1180()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Clock.Advance(TimeSpan.FromMinutes(20));

        var confirm = await Api.ConfirmAsync(transactionId, "100");
        var check = await Api.CheckAsync(transactionId);

        Assert.That(confirm.ReturnCode, Is.EqualTo("1180"));
        Assert.That(check.ReturnCode, Is.EqualTo("0121"));
    }

    [Test]
    public async Task SettingsChangeTheLifetimeAndTheAuthorizedCheckCode()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            PaymentUrlLifetime = TimeSpan.FromMinutes(5),
            AuthorizedCheckReturnCode = "0110"
        });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var expiring = await api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var authorized = await api.RequestAsync(
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()).WithPayment(capture: false));
        await emulator.ApproveAsync(authorized);
        await api.ConfirmAsync(authorized, "100");

        emulator.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.That((await api.CheckAsync(expiring)).ReturnCode, Is.EqualTo("0121"));
        Assert.That((await api.CheckAsync(authorized)).ReturnCode, Is.EqualTo("0110"));
    }

    [Test]
    public async Task ControlEndpointAdvancesTheClock()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        using var response = await http.PostAsync("emulator/clock/advance?minutes=21", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Emulator.Clock.Offset, Is.EqualTo(TimeSpan.FromMinutes(21)));
        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0121"));
    }
}
