using System.Globalization;
using LinePay.Emulator.Api;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class PaymentDetailsIntegrationTests : ClientIntegrationTest
{
    [Test]
    public async Task DetailsByTransactionIdDescribeTheConfirmedPayment()
    {
        var request = PaymentRequests.Create(price: 25m, quantity: 4);
        var transactionId = await ConfirmedThroughClientAsync(request);

        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();

        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((details.TransactionId, details.OrderId, details.Currency), Is.EqualTo((transactionId, request.OrderId, "TWD")));
        Assert.That((details.TransactionType, details.PayStatus), Is.EqualTo(("PAYMENT", "CAPTURE")));
        Assert.That(details.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m));
        Assert.That(details.ProductName, Is.EqualTo("Pen"));
        Assert.That(details.MerchantName, Is.EqualTo(Emulator.Settings.MerchantName));
        Assert.That(details.TransactionDate, Is.EqualTo(stored.ConfirmedAt).Within(TimeSpan.FromSeconds(1)));
        Assert.That(details.RefundList, Is.Null.Or.Empty);
        Assert.That(details.Packages.Single().Products.Single().Price, Is.EqualTo(25m));
        var call = Emulator.Journal.For(LinePayEndpoint.Details).Single();
        Assert.That((call.Method, call.Path, call.Query, call.ReturnCode),
            Is.EqualTo(("GET", "/v3/payments", $"transactionId={transactionId}", "0000")));
    }

    [Test]
    public async Task DetailsByOrderIdFindTheSamePayment()
    {
        var request = PaymentRequests.Create(orderId: "ORDER 42/ä");
        var transactionId = await ConfirmedThroughClientAsync(request);

        var details = (await Client.GetPaymentDetailsAsync(orderIds: [request.OrderId])).Single();

        Assert.That((details.TransactionId, details.OrderId), Is.EqualTo((transactionId, request.OrderId)));
        var call = Emulator.Journal.For(LinePayEndpoint.Details).Single();
        Assert.That((call.Query, call.ReturnCode), Is.EqualTo(("orderId=ORDER%2042%2F%C3%A4", "0000")));
    }

    [Test]
    public async Task SeveralIdsGoAsRepeatedKeysAndEachPaymentComesBackOnce()
    {
        var first = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        var second = await ConfirmedThroughClientAsync(PaymentRequests.Create(price: 10m, quantity: 1));
        var thirdRequest = PaymentRequests.Create(price: 7m, quantity: 3);
        var third = await ConfirmedThroughClientAsync(thirdRequest);

        var details = await Client.GetPaymentDetailsAsync([first, second], [thirdRequest.OrderId]);

        Assert.That(details.Select(d => (d.TransactionId, d.PayInfo.Sum(p => p.Amount))),
            Is.EquivalentTo(new[] { (first, 100m), (second, 10m), (third, 21m) }));
        var call = Emulator.Journal.For(LinePayEndpoint.Details).Single();
        Assert.That(call.Query, Is.EqualTo(string.Create(CultureInfo.InvariantCulture,
            $"transactionId={first}&transactionId={second}&orderId={thirdRequest.OrderId}")));
    }

    [Test]
    public async Task TheRefundListCarriesNegativeAmountsAndTheRefundIdsTheClientGot()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        var partial = await Client.RefundPaymentAsync(transactionId, 40m, "TWD");
        var rest = await Client.RefundPaymentAsync(transactionId, null, "TWD");

        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();

        Assert.That(details.RefundList.Select(r => (r.RefundTransactionId, r.RefundAmount, r.TransactionType)), Is.EqualTo(new[]
        {
            (partial.RefundTransactionId, -40m, "PARTIAL_REFUND"),
            (rest.RefundTransactionId, -60m, "PARTIAL_REFUND")
        }));
        Assert.That(details.PayInfo.Sum(p => p.Amount), Is.EqualTo(100m), "payInfo keeps the amount paid");
        Assert.That(Emulator.Transactions.Find(transactionId).RefundedAmount, Is.EqualTo(-details.RefundList.Sum(r => r.RefundAmount)));
    }

    [Test]
    public async Task DetailsOfOneTransactionAreItsOwnEntry()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        var refund = await Client.RefundPaymentAsync(transactionId, 25m, "TWD");

        var payment = await Client.GetPaymentDetailsAsync(transactionId);
        var refundEntry = await Client.GetPaymentDetailsAsync(refund.RefundTransactionId);

        Assert.That((payment.TransactionId, payment.TransactionType), Is.EqualTo((transactionId, "PAYMENT")));
        Assert.That((refundEntry.TransactionId, refundEntry.OriginalTransactionId), Is.EqualTo((refund.RefundTransactionId, (long?)transactionId)));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Details).Select(call => call.Query),
            Is.EqualTo(new[] { $"transactionId={transactionId}", $"transactionId={refund.RefundTransactionId}" }));
    }

    [Test]
    public async Task DetailsByARefundTransactionIdNameTheOriginalPayment()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        var refund = await Client.RefundPaymentAsync(transactionId, 25m, "TWD");

        var details = (await Client.GetPaymentDetailsAsync([refund.RefundTransactionId])).Single();

        Assert.That((details.TransactionId, details.OriginalTransactionId, details.TransactionType),
            Is.EqualTo((refund.RefundTransactionId, (long?)transactionId, "PARTIAL_REFUND")));
        Assert.That(details.PayInfo.Sum(p => p.Amount), Is.EqualTo(-25m));
    }

    [Test]
    public async Task DetailsOfAPaymentNotConfirmedYetIs1150AnsweredAsNothingFound()
    {
        var reserved = await Client.RequestPaymentAsync(PaymentRequests.Create());

        var payments = await Client.GetPaymentDetailsAsync([reserved.TransactionId]);

        Assert.That(payments, Is.Empty);
        Assert.That(await Client.GetPaymentDetailsAsync(reserved.TransactionId), Is.Null);
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Details).Select(call => call.ReturnCode), Is.EqualTo(new[] { "1150", "1150" }));
    }
}
