using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class CheckPaymentStatusIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task ReservedIs0000AuthenticatedIs0110AndConfirmedIs0123()
    {
        var request = PaymentRequests.Create();
        var reserved = await Client.RequestPaymentAsync(request);
        var id = reserved.TransactionId;

        var beforeApproval = await Client.CheckPaymentStatusAsync(id);
        await Emulator.Customer.ApproveAsync(new Uri(reserved.PaymentUrl.Web));
        var afterApproval = await Client.CheckPaymentStatusAsync(id);
        await Client.ConfirmPaymentAsync(id, request.Amount, request.Currency);
        var afterConfirm = await Client.CheckPaymentStatusAsync(id);

        Assert.That(new[] { beforeApproval, afterApproval, afterConfirm }, Is.EqualTo(new[]
        {
            PaymentRequestStatus.Reserved, PaymentRequestStatus.Authenticated, PaymentRequestStatus.Completed
        }));
        var checks = Emulator.Journal.For(LinePayEndpoint.Check, id);
        Assert.That(checks.Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "0110", "0123" }));
        Assert.That(checks.Select(c => (c.Method, c.Path)),
            Has.All.EqualTo(("GET", $"/v3/payments/requests/{id}/check")));
    }

    [Test]
    public async Task CancelledByTheCustomerIs0121()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());
        await Emulator.Customer.CancelAsync(new Uri(reserved.PaymentUrl.Web));

        var status = await Client.CheckPaymentStatusAsync(reserved.TransactionId);

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.CancelledOrExpired));
        Assert.That(Emulator.Transactions.Find(reserved.TransactionId).State, Is.EqualTo(TransactionState.Cancelled));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check).Single().ReturnCode, Is.EqualTo("0121"));
    }

    [Test]
    public async Task AReservationNotApprovedWithinTwentyMinutesIs0121()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());
        var id = reserved.TransactionId;

        Emulator.Clock.Advance(TimeSpan.FromMinutes(19));
        var after19Minutes = await Client.CheckPaymentStatusAsync(id);
        Emulator.Clock.Advance(TimeSpan.FromMinutes(1));
        var after20Minutes = await Client.CheckPaymentStatusAsync(id);

        Assert.That(after19Minutes, Is.EqualTo(PaymentRequestStatus.Reserved));
        Assert.That(after20Minutes, Is.EqualTo(PaymentRequestStatus.CancelledOrExpired));
        Assert.That(Emulator.Transactions.Find(id).State, Is.EqualTo(TransactionState.Expired));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check, id).Select(c => c.ReturnCode), Is.EqualTo(new[] { "0000", "0121" }));
    }

    [Test]
    public async Task AnApprovedPaymentNotConfirmedWithinTwentyMinutesIs0121AndCannotBeConfirmed()
    {
        var request = PaymentRequests.Create();
        var id = await ApprovedThroughClientAsync(request);
        Emulator.Clock.Advance(Emulator.Settings.PaymentUrlLifetime);

        var status = await Client.CheckPaymentStatusAsync(id);
        var confirm = Assert.ThrowsAsync<LinePayApiException>(() => Client.ConfirmPaymentAsync(id, request.Amount, request.Currency));

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.CancelledOrExpired));
        Assert.That((confirm.ReturnCode, confirm.Classification), Is.EqualTo(("1180", LinePayReturnCodeClass.Final)));
        Assert.That(Emulator.Transactions.Find(id).ConfirmedAt, Is.Null);
    }

    [Test]
    public async Task AFailedPaymentIs0122()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());
        await Emulator.Customer.FailAsync(reserved.TransactionId);

        var status = await Client.CheckPaymentStatusAsync(reserved.TransactionId);

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.Failed));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check).Single().ReturnCode, Is.EqualTo("0122"));
    }

    [Test]
    public void CheckOfAnUnknownTransactionIs1150()
    {
        const long unknown = 2023042201206549310;

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.CheckPaymentStatusAsync(unknown));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1150", LinePayReturnCodeClass.Ambiguous)));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check, unknown).Single().ReturnCode, Is.EqualTo("1150"));
    }
}
