using LinePay.Emulator.Api;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class AuthenticationIntegrationTests : ClientIntegrationTest
{
    private const string WrongSecret = "fedcba9876543210fedcba9876543210";

    [Test]
    public void AWrongChannelSecretIs1106CallerErrorAndReservesNothing()
    {
        var request = PaymentRequests.Create();

        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            NewClient(channelSecret: WrongSecret).RequestPaymentAsync(request));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo(("1106", LinePayReturnCodeClass.CallerError)));
        Assert.That(error.ApiPath, Is.EqualTo("/v3/payments/request"));
        Assert.That(error.Message, Does.Not.Contain(WrongSecret).And.Not.Contain(Emulator.ChannelSecret));
        var call = Emulator.Journal.For(LinePayEndpoint.Request).Single();
        Assert.That((call.ReturnCode, call.TransactionId), Is.EqualTo(("1106", (long?)null)));
        Assert.That(Emulator.Transactions.FindByOrderId(request.OrderId), Is.Empty);
    }

    [Test]
    public async Task AWrongChannelSecretOnAGetIs1106TooAndNotAStatus()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());
        var wrong = NewClient(channelSecret: WrongSecret);

        var check = Assert.ThrowsAsync<LinePayApiException>(() => wrong.CheckPaymentStatusAsync(reserved.TransactionId));
        var details = Assert.ThrowsAsync<LinePayApiException>(() => wrong.GetPaymentDetailsAsync([reserved.TransactionId]));

        Assert.That(check.ReturnCode, Is.EqualTo("1106"));
        Assert.That(details.ReturnCode, Is.EqualTo("1106"));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Check, reserved.TransactionId).Single().ReturnCode, Is.EqualTo("1106"));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Details).Single().ReturnCode, Is.EqualTo("1106"));
    }

    [Test]
    public async Task AWrongChannelSecretCannotMoveMoney()
    {
        var request = PaymentRequests.Create();
        var transactionId = await ApprovedThroughClientAsync(request);

        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            NewClient(channelSecret: WrongSecret).ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        Assert.That(error.ReturnCode, Is.EqualTo("1106"));
        Assert.That(Emulator.Transactions.Find(transactionId).ConfirmCount, Is.Zero);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm, transactionId).Single().ReturnCode, Is.EqualTo("1106"));
    }
}
