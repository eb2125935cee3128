using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

[TestFixture]
public class LinePayOrderPaymentServiceTests
{
    [Test]
    public async Task TheRecordIsStoredAsOneJsonAttributeAndReadBackWhole()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(1234m);
        var payment = new LinePayOrderPayment
        {
            TransactionId = 9_223_372_036_854_775_801,
            LinePayOrderId = "0123456789abcdef0123456789abcdef-2",
            Attempt = 2,
            Amount = 1234.5m,
            Currency = "THB",
            PaymentMode = LinePayPaymentMode.AuthorizeOnly,
            State = LinePayPaymentState.Authorized,
            LastReturnCode = "0000",
            RequestedOnUtc = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            AuthorizationExpiresOnUtc = new DateTime(2025, 1, 7, 3, 4, 5, DateTimeKind.Utc)
        };

        await store.OrderPaymentService.SaveAsync(order, payment);

        var json = store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute);
        Assert.That(json, Does.Contain("\"TransactionId\":9223372036854775801"));
        Assert.That(json, Does.Contain("\"State\":\"Authorized\""));
        Assert.That(json, Does.Not.Contain("IsAwaitingConfirmation"));

        var read = await store.OrderPaymentService.GetAsync(order);
        Assert.Multiple(() =>
        {
            Assert.That(read.TransactionId, Is.EqualTo(9_223_372_036_854_775_801));
            Assert.That(read.LinePayOrderId, Is.EqualTo(payment.LinePayOrderId));
            Assert.That(read.Attempt, Is.EqualTo(2));
            Assert.That(read.Amount, Is.EqualTo(1234.5m));
            Assert.That(read.Currency, Is.EqualTo("THB"));
            Assert.That(read.PaymentMode, Is.EqualTo(LinePayPaymentMode.AuthorizeOnly));
            Assert.That(read.State, Is.EqualTo(LinePayPaymentState.Authorized));
            Assert.That(read.RequestedOnUtc, Is.EqualTo(payment.RequestedOnUtc));
            Assert.That(read.RequestedOnUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(read.AuthorizationExpiresOnUtc, Is.EqualTo(payment.AuthorizationExpiresOnUtc));
            Assert.That(read.UpdatedOnUtc, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task AnOrderWithoutARecordHasNone()
    {
        var store = new NopStore();

        Assert.That(await store.OrderPaymentService.GetAsync(store.PlaceOrder(10m)), Is.Null);
    }

    [Test]
    public async Task ARecordReadAgainInARequestShowsWhatAnotherRequestSavedSince()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(100m);
        store.SavePayment(order.Id, new LinePayOrderPayment { TransactionId = 1, State = LinePayPaymentState.Requested });
        var (thisRequest, otherRequest) = (store.NewRequestOrderPaymentService(), store.NewRequestOrderPaymentService());

        Assert.That((await thisRequest.GetAsync(order)).State, Is.EqualTo(LinePayPaymentState.Requested));
        var paid = await otherRequest.GetAsync(order);
        paid.State = LinePayPaymentState.Paid;
        await otherRequest.SaveAsync(order, paid);

        Assert.That((await thisRequest.GetAsync(order)).State, Is.EqualTo(LinePayPaymentState.Paid));
    }

    [Test]
    public async Task ASaveAfterAnotherRequestSavedReplacesTheOneRowWhole()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(100m);
        store.SavePayment(order.Id, new LinePayOrderPayment { TransactionId = 1, State = LinePayPaymentState.Requested });
        var (thisRequest, otherRequest) = (store.NewRequestOrderPaymentService(), store.NewRequestOrderPaymentService());
        await thisRequest.GetAsync(order);
        var paid = await otherRequest.GetAsync(order);
        paid.State = LinePayPaymentState.Paid;
        await otherRequest.SaveAsync(order, paid);

        var refunded = await thisRequest.GetAsync(order);
        refunded.Refunds.Add(new LinePayRefund { Amount = 40m });
        await thisRequest.SaveAsync(order, refunded);

        var rows = store.AttributeRowsOf(order.Id, LinePayDefaults.OrderPaymentAttribute);
        Assert.That(rows, Has.Count.EqualTo(1));
        var stored = LinePayOrderPaymentService.Deserialize(rows[0].Value);
        Assert.That(stored.State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(stored.RefundedAmount, Is.EqualTo(40m));
    }

    [Test]
    public void FieldsAddedLaterAndUnknownFieldsDoNotBreakReading()
    {
        var read = LinePayOrderPaymentService.Deserialize(
            "{\"TransactionId\":1,\"State\":\"Requested\",\"SomethingNew\":[1,2]}");

        Assert.That(read.TransactionId, Is.EqualTo(1));
        Assert.That(read.State, Is.EqualTo(LinePayPaymentState.Requested));
    }

    [Test]
    public void WireAmountIsWrittenInTheCurrencyScale()
    {
        Assert.That(new LinePayOrderPayment { Amount = 100.00m, Currency = "TWD" }.FormatAmount(), Is.EqualTo("100 TWD"));
        Assert.That(new LinePayOrderPayment { Amount = 12.50m, Currency = "THB" }.FormatAmount(), Is.EqualTo("12.5 THB"));
    }
}
