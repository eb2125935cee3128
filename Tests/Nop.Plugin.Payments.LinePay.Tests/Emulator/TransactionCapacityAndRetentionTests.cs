using System.Net;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// The emulator forgets its oldest transactions beyond a number or an age, so that a long run stays in bounded
/// memory; a forgotten transaction answers as one LINE Pay no longer has
/// </summary>
public class TransactionCapacityAndRetentionTests : EmulatorTest
{
    [Test]
    public async Task BeyondTheCapacityTheOldestIsForgottenWithEveryWayToFindIt()
    {
        Emulator.Settings.TransactionCapacity = 3;
        var oldest = await Api.RequestAsync(
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "1000").WithPayment(payType: "PREAPPROVED"));
        await Emulator.ApproveAsync(oldest);
        var regKey = (await Api.ConfirmAsync(oldest, "1000")).Info.GetProperty("regKey").GetString();
        var refundId = (await Api.RefundAsync(oldest, "10")).Info.GetProperty("refundTransactionId").GetInt64();
        var forgotten = Emulator.Transactions.Find(oldest)!;
        using var browser = new HttpClient();
        Assert.That((await browser.GetAsync(forgotten.PaymentUrl)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var kept = new[] { await ConfirmedPaymentAsync(), await ConfirmedPaymentAsync(), await ConfirmedPaymentAsync() };

        Assert.That((await Api.CheckAsync(oldest)).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.DetailsAsync($"transactionId={oldest}")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.DetailsAsync($"orderId={forgotten.OrderId}")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.DetailsAsync($"transactionId={refundId}")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.RefundAsync(oldest, "10")).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.GetAsync($"/v3/payments/preapprovedPay/{regKey}/check")).ReturnCode, Is.EqualTo("1190"));
        Assert.That((await browser.GetAsync(forgotten.PaymentUrl)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Emulator.Transactions.FindByOrderId(forgotten.OrderId), Is.Empty);
        Assert.That(Emulator.Transactions.FindRegKey(regKey), Is.Null);
        Assert.That(Emulator.Transactions.Count, Is.EqualTo(3));
        Assert.That(Emulator.Transactions.IndexSizes(), Is.EqualTo(new TransactionIndexSizes(3, 3, 3, 0, 0)));
        Assert.That(Emulator.Transactions.All().Select(t => t.TransactionId), Is.EqualTo(kept));
        foreach (var transactionId in kept)
            Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0123"));
    }

    [Test]
    public async Task TheOrderIdOfAForgottenPaidTransactionMayBeRequestedAgain()
    {
        Emulator.Settings.TransactionCapacity = 1;
        var orderId = PaymentRequestBody.NewOrderId();
        await ApprovedPaymentAsync(orderId: orderId);
        var paid = await Api.ConfirmAsync(Emulator.Transactions.FindByOrderId(orderId).Single().TransactionId, "100");
        var refusedWhileKnown = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId));

        await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var again = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId));

        Assert.That(paid.ReturnCode, Is.EqualTo("0000"));
        Assert.That(refusedWhileKnown.ReturnCode, Is.EqualTo("1172"));
        Assert.That(again.ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task PastTheRetentionTheOldestAreForgottenOnTheEmulatorsClock()
    {
        Emulator.Settings.TransactionRetention = TimeSpan.FromDays(1);
        var older = await ConfirmedPaymentAsync();
        var olderOrderId = Emulator.Transactions.Find(older)!.OrderId;
        Emulator.Clock.Advance(TimeSpan.FromHours(12));
        var younger = await ConfirmedPaymentAsync();

        Emulator.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));

        Assert.That((await Api.CheckAsync(older)).ReturnCode, Is.EqualTo("1150"));
        Assert.That((await Api.DetailsAsync($"orderId={olderOrderId}")).ReturnCode, Is.EqualTo("1150"));
        Assert.That(Emulator.Transactions.Find(older), Is.Null);
        Assert.That((await Api.CheckAsync(younger)).ReturnCode, Is.EqualTo("0123"));
        Assert.That((await Api.DetailsAsync($"transactionId={younger}")).ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task ATransactionInFlightIsKeptUntilItsCallIsDone()
    {
        Emulator.Settings.TransactionCapacity = 2;
        var inFlight = await ConfirmedPaymentAsync();
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(500);
        var refund = Api.RefundAsync(inFlight, "40");
        while (!Emulator.Transactions.Find(inFlight)!.InFlight)
            await Task.Delay(10);

        var second = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var third = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        var keptWhileInFlight = Emulator.Transactions.Find(inFlight);
        var refundAnswer = await refund;
        var fourth = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        Assert.That(keptWhileInFlight, Is.Not.Null);
        Assert.That(refundAnswer.ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Transactions.Find(inFlight), Is.Null);
        Assert.That(Emulator.Transactions.Find(second), Is.Null);
        Assert.That(Emulator.Transactions.All().Select(t => t.TransactionId), Is.EqualTo(new[] { third, fourth }));
    }

    [Test]
    public async Task ConcurrentRequestsKeepExactlyTheCapacityAndIndexWhatTheyKeep()
    {
        Emulator.Settings.TransactionCapacity = 25;
        var transactionIds = new long[400];

        await Parallel.ForAsync(0, transactionIds.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            transactionIds[i] = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId())));

        var kept = Emulator.Transactions.All();
        Assert.That(Emulator.Transactions.Count, Is.EqualTo(25));
        Assert.That(Emulator.Transactions.IndexSizes(), Is.EqualTo(new TransactionIndexSizes(25, 25, 25, 0, 0)));
        Assert.That(kept, Has.Count.EqualTo(25));
        Assert.That(kept.Select(t => t.TransactionId), Is.SubsetOf(transactionIds));
        foreach (var transaction in kept)
            Assert.That(Emulator.Transactions.FindByOrderId(transaction.OrderId).Single().TransactionId,
                Is.EqualTo(transaction.TransactionId));
        var forgotten = transactionIds.Except(kept.Select(t => t.TransactionId)).ToArray();
        Assert.That(forgotten, Has.Length.EqualTo(375));
        Assert.That(forgotten.Select(Emulator.Transactions.Find), Is.All.Null);
    }
}
