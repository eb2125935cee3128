using System.Web;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class ApprovalIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task ApprovingOnThePaymentUrlTheClientReturnedRedirectsToConfirmUrlWithTransactionIdAndOrderId()
    {
        var request = PaymentRequests.Create();
        var reserved = await Client.RequestPaymentAsync(request);

        var location = await Emulator.Customer.ApproveAsync(new Uri(reserved.PaymentUrl.Web));

        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("https://shop.example/linepay/confirm"));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.That(query["storeId"], Is.EqualTo("1"), "the confirmUrl's own query is kept");
        Assert.That(query["transactionId"], Is.EqualTo(reserved.TransactionId.ToString()));
        Assert.That(query["orderId"], Is.EqualTo(request.OrderId));
        Assert.That(Emulator.Transactions.Find(reserved.TransactionId).State, Is.EqualTo(TransactionState.Authenticated));
        Assert.That(await Client.CheckPaymentStatusAsync(reserved.TransactionId),
            Is.EqualTo(PaymentRequestStatus.Authenticated));
    }

    [Test]
    public async Task CancellingOnThePaymentUrlRedirectsToCancelUrlAndNothingCanBeConfirmed()
    {
        var request = PaymentRequests.Create();
        var reserved = await Client.RequestPaymentAsync(request);

        var location = await Emulator.Customer.CancelAsync(new Uri(reserved.PaymentUrl.Web));

        Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("https://shop.example/linepay/cancel"));
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.That(query["transactionId"], Is.EqualTo(reserved.TransactionId.ToString()));
        Assert.That(query["orderId"], Is.EqualTo(request.OrderId));
        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            Client.ConfirmPaymentAsync(reserved.TransactionId, request.Amount, request.Currency));
        Assert.That(error.ReturnCode, Is.EqualTo("1179"));
        Assert.That(Emulator.Transactions.Find(reserved.TransactionId).State, Is.EqualTo(TransactionState.Cancelled));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().ReturnCode, Is.EqualTo("1179"));
    }
}
