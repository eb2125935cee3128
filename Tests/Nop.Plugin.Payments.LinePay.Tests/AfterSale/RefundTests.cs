using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

[TestFixture]
public class RefundTests : AfterSaleTest
{
    [Test]
    public async Task AFullRefundSendsNoAmountAndRefundsEverything()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;

        var result = await RefundFromOrderPageAsync(order, 1000m, isPartialRefund: false);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund).Single().Body, Is.Empty, "a full refund is sent without refundAmount");
        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(transaction.RefundedAmount, Is.EqualTo(1000m));
        var refund = transaction.Refunds.Single();
        var payment = PaymentOf(order);
        Assert.That(payment.Refunds.Select(r => (r.RefundTransactionId, r.Amount)), Is.EqualTo(new[] { (refund.RefundTransactionId, 1000m) }));
        Assert.That(payment.RefundableAmount, Is.Zero);
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[]
        {
            English("Refund.Done", "1000 TWD", transactionId, refund.RefundTransactionId, "0 TWD")
        }));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
    }

    [Test]
    public async Task APartialRefundSendsItsAmount()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;

        var result = await RefundFromOrderPageAsync(order, 300m, isPartialRefund: true);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund).Single().Body, Is.EqualTo("{\"refundAmount\":300}"));
        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Captured));
        Assert.That(transaction.RefundedAmount, Is.EqualTo(300m));
        var refundId = transaction.Refunds.Single().RefundTransactionId;
        Assert.That(PaymentOf(order).Refunds.Single().RefundTransactionId, Is.EqualTo(refundId));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { English("Refund.Done", "300 TWD", transactionId, refundId, "700 TWD") }));
    }

    [Test]
    public async Task RepeatedPartialRefundsUseUpTheBalanceAndTheLastOneSendsNoAmount()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;

        var statuses = new List<PaymentStatus>();
        foreach (var amount in new[] { 300m, 250m, 450m })
        {
            var result = await RefundFromOrderPageAsync(Store.GetOrder(order.Id), amount, isPartialRefund: true);
            Assert.That(result.Errors, Is.Empty);
            statuses.Add(result.NewPaymentStatus);
        }

        Assert.That(statuses, Is.EqualTo(new[] { PaymentStatus.PartiallyRefunded, PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded }));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund).Select(r => r.Body), Is.EqualTo(new[] { "{\"refundAmount\":300}", "{\"refundAmount\":250}", string.Empty }));
        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(transaction.Refunds.Select(r => r.Amount), Is.EqualTo(new[] { 300m, 250m, 450m }));
        var payment = PaymentOf(order);
        Assert.That(payment.Refunds.Select(r => (r.RefundTransactionId, r.Amount)),
            Is.EqualTo(transaction.Refunds.Select(r => (r.RefundTransactionId, r.Amount))));
        Assert.That(NotesSinceConfirmOf(order), Has.Count.EqualTo(3));
        Assert.That(NotesSinceConfirmOf(order).Last(), Does.Contain(transaction.Refunds.Last().RefundTransactionId.ToString()));
        var stored = Store.GetOrder(order.Id);
        Assert.That((stored.RefundedAmount, stored.PaymentStatus), Is.EqualTo((1000m, PaymentStatus.Refunded)));

        var more = await RefundService.RefundAsync(new RefundPaymentRequest { Order = stored, AmountToRefund = 1m, IsPartialRefund = true });
        Assert.That(more.Errors, Is.EqualTo(new[] { English("Refund.NothingLeft", transactionId) }));
        Assert.That(CallsTo(LinePayEndpoint.Refund), Is.EqualTo(3));
    }

    [Test]
    public async Task AnAmountAboveWhatRemainsIsRefusedBeforeCallingLinePay()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        await RefundFromOrderPageAsync(order, 700m, isPartialRefund: true);
        Emulator.Journal.Clear();

        var result = await RefundService.RefundAsync(new RefundPaymentRequest
        {
            Order = Store.GetOrder(order.Id),
            AmountToRefund = 400m,
            IsPartialRefund = true
        });

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Refund.ExceedsRefundable", "400 TWD", "300 TWD") }));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
        Assert.That(PaymentOf(order).Refunds, Has.Count.EqualTo(1));
        Assert.That(Emulator.Transactions.Find(PaymentOf(order).TransactionId)!.RefundedAmount, Is.EqualTo(700m));
    }

    [Test]
    public async Task AnAuthorizedPaymentIsNotRefunded()
    {
        var order = await ConfirmedOrderAsync(capture: false);

        var result = await RefundFromOrderPageAsync(order, 1000m, isPartialRefund: false);

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Refund.NotPaid", "Authorized") }));
        Assert.That(Emulator.Journal.Calls, Is.Empty);
    }

    [Test]
    public async Task ARefundAfterTheRefundPeriodIsRefusedWithCode1163()
    {
        Emulator.Settings.RefundWindow = TimeSpan.FromDays(30);
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        Emulator.Clock.Advance(TimeSpan.FromDays(31));

        var result = await RefundFromOrderPageAsync(order, 200m, isPartialRefund: true);

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Refund.Refused", "200 TWD", $"1163 ({English("ReturnCode.1163")})") }));
        var payment = PaymentOf(order);
        Assert.That(payment.Refunds, Is.Empty);
        Assert.That(payment.LastReturnCode, Is.EqualTo("1163"));
        Assert.That(NotesSinceConfirmOf(order), Is.Empty);
        Assert.That(Emulator.Journal.Calls.Select(c => (c.Endpoint, c.ReturnCode)), Is.EqualTo(new[] { (LinePayEndpoint.Refund, "1163") }));
        Assert.That(Emulator.Transactions.Find(payment.TransactionId)!.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task ARefundLinePayCallsAlreadyRefundedIsRefusedWithCode1165()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.Answer("1165"));

        var result = await RefundFromOrderPageAsync(order, 1000m, isPartialRefund: false);

        Assert.That(result.Errors, Is.EqualTo(new[] { English("Refund.Refused", "1000 TWD", $"1165 ({English("ReturnCode.1165")})") }));
        Assert.That(PaymentOf(order).Refunds, Is.Empty);
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Refund }), "a final code needs no Details");
    }

    [Test]
    public async Task AmountsInThePrimaryStoreCurrencyAreConvertedAtThePaymentsRate()
    {
        //primary store currency USD; LINE Pay took 3050 TWD for the 100 USD order
        Store.AddCurrency("USD", 1m, primary: true);
        Store.AddCurrency("TWD", 30.5m);
        var order = await ConfirmedOrderAsync(orderTotal: 100m, amount: 3050m);
        var transactionId = PaymentOf(order).TransactionId;

        var first = await RefundFromOrderPageAsync(order, 33.33m, isPartialRefund: true);
        var rest = await RefundFromOrderPageAsync(Store.GetOrder(order.Id), 66.67m, isPartialRefund: true);

        Assert.That((first.NewPaymentStatus, rest.NewPaymentStatus), Is.EqualTo((PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded)));
        //33.33 × 3050 / 100 = 1016.565 → 1017 TWD; the rest is whatever remains, sent without an amount
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund).Select(r => r.Body), Is.EqualTo(new[] { "{\"refundAmount\":1017}", string.Empty }));
        var transaction = Emulator.Transactions.Find(transactionId)!;
        Assert.That(transaction.Refunds.Select(r => r.Amount), Is.EqualTo(new[] { 1017m, 2033m }));
        Assert.That(transaction.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(PaymentOf(order).Refunds.Select(r => r.Amount), Is.EqualTo(new[] { 1017m, 2033m }));
        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Refunded));
    }

    [TestCase(100, 3050, 100, 3050)]
    [TestCase(100, 3050, 0.01, 0)]
    [TestCase(100, 3050, 0.02, 1)]
    [TestCase(37.5, 1250.5, 12.5, 416.83)]
    public void ConversionUsesTheRatioOfTheAmountPaidToTheOrderTotal(decimal orderTotal, decimal paid, decimal refund, decimal expected)
    {
        var order = new Order { OrderTotal = orderTotal };
        var payment = new LinePayOrderPayment { Amount = paid, Currency = paid == decimal.Truncate(paid) ? "TWD" : "THB" };

        Assert.That(LinePayRefundService.ConvertToPaymentCurrency(refund, order, payment), Is.EqualTo(expected));
    }

    [Test]
    public async Task ARefundWhoseAnswerWasLostAfterLinePayMadeItIsFoundInPaymentDetails()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.ApplyThenAbort());

        var result = await RefundFromOrderPageAsync(order, 400m, isPartialRefund: true);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.NewPaymentStatus, Is.EqualTo(PaymentStatus.PartiallyRefunded));
        var transaction = Emulator.Transactions.Find(transactionId)!;
        var refund = transaction.Refunds.Single();
        Assert.That(refund.Amount, Is.EqualTo(400m));
        Assert.That(PaymentOf(order).Refunds.Single().RefundTransactionId, Is.EqualTo(refund.RefundTransactionId));
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[]
        {
            English("Refund.DoneFoundInDetails", "400 TWD", transactionId, refund.RefundTransactionId, "600 TWD")
        }));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EqualTo(new[] { LinePayEndpoint.Refund, LinePayEndpoint.Details }),
            "exactly one refund call: nothing is sent again");
    }

    [Test]
    public async Task ARefundThatTimedOutBeforeLinePayMadeItIsReportedUnknownAndNotSentAgain()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;
        Store.ClientFactory.Timeouts = new() { Refund = TimeSpan.FromMilliseconds(300) };
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.Delay(TimeSpan.FromSeconds(2)));

        var result = await RefundFromOrderPageAsync(order, 400m, isPartialRefund: true);

        var expected = English("Refund.Unknown", "400 TWD", transactionId, English("ReturnCode.Timeout"));
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(PaymentOf(order).Refunds, Is.Empty);
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(Store.GetOrder(order.Id).RefundedAmount, Is.Zero);
        //the emulator journals the refund once it sees the client hang up, before making it: it was never made
        var abandoned = await JournaledCallAsync(LinePayEndpoint.Refund);
        Assert.That((abandoned.Fault, abandoned.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Delay, (string)null)));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EquivalentTo(new[] { LinePayEndpoint.Refund, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.Zero);
    }

    private static IEnumerable<TestCaseData> AnswersThatLeaveTheOutcomeUnknown()
    {
        yield return new TestCaseData(Fault.Http500(), "ReturnCode.NoAnswer").SetName("HTTP 500");
        yield return new TestCaseData(Fault.Abort(), "ReturnCode.NoAnswer").SetName("dropped connection");
        yield return new TestCaseData(Fault.Answer("9000"), "9000").SetName("9000 internal error");
        yield return new TestCaseData(Fault.Answer("1198"), "1198").SetName("1198 duplicate request");
        yield return new TestCaseData(Fault.Answer("1199"), "1199").SetName("1199 internal request error");
    }

    [TestCaseSource(nameof(AnswersThatLeaveTheOutcomeUnknown))]
    public async Task ARefundWithAnAnswerThatLeavesTheOutcomeUnknownIsCheckedAndNotSentAgain(Fault fault, string described)
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Faults.Next(LinePayEndpoint.Refund, fault);

        var result = await RefundFromOrderPageAsync(order, 1000m, isPartialRefund: false);

        var reason = described.StartsWith("ReturnCode.", StringComparison.Ordinal)
            ? English(described)
            : $"{described} ({English($"ReturnCode.{described}")})";
        var expected = English("Refund.Unknown", "1000 TWD", transactionId, reason);
        Assert.That(result.Errors, Is.EqualTo(new[] { expected }));
        Assert.That(PaymentOf(order).Refunds, Is.Empty);
        Assert.That(NotesSinceConfirmOf(order), Is.EqualTo(new[] { expected }));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.EquivalentTo(new[] { LinePayEndpoint.Refund, LinePayEndpoint.Details }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.Zero);
    }

    [Test]
    public async Task TwoRefundsOfOneOrderAtOnceOnTwoServersSendOneRefund()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        var transactionId = PaymentOf(order).TransactionId;
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(300);
        //two admins, or one admin's double click landing on two web servers: one database, separate services
        var servers = Enumerable.Range(0, 2).Select(_ => new LinePayCheckout(Store).Refunds).ToList();

        var results = await Task.WhenAll(servers.Select(server => Task.Run(() => server.RefundAsync(new RefundPaymentRequest
        {
            Order = order,
            AmountToRefund = 400m,
            IsPartialRefund = true
        }))));

        var transaction = Emulator.Transactions.Find(transactionId)!;
        var payment = PaymentOf(order);
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(result => result.Success), Is.EqualTo(1));
            Assert.That(results.Single(result => !result.Success).Errors, Is.EqualTo(new[] { English("AfterSale.InProgress") }));
            Assert.That(CallsTo(LinePayEndpoint.Refund), Is.EqualTo(1));
            Assert.That(transaction.RefundedAmount, Is.EqualTo(400m));
            Assert.That(payment.Refunds.Select(refund => refund.RefundTransactionId),
                Is.EqualTo(transaction.Refunds.Select(refund => refund.RefundTransactionId)));
            Assert.That(payment.RefundableAmount, Is.EqualTo(600m));
        });

        //the claim is back: the next refund goes through
        var next = await RefundFromOrderPageAsync(order, 600m, isPartialRefund: true);
        Assert.That(next.Errors, Is.Empty);
        Assert.That(PaymentOf(order).RefundableAmount, Is.Zero);
    }

    [Test]
    public async Task ARefundOfARecordWhoseClaimHolderDiedGoesThroughOnceTheRecordIsIdle()
    {
        var order = await ConfirmedOrderAsync(orderTotal: 1000m, amount: 1000m);
        //a request took the claim and its server stopped before putting it back
        var payment = PaymentOf(order);
        Assert.That(await Store.Claims.TryClaimAsync(order, payment), Is.Not.Null);

        var refused = await RefundFromOrderPageAsync(order, 100m, isPartialRefund: true);
        var stored = PaymentOf(order);
        stored.UpdatedOnUtc = DateTime.UtcNow - LinePayDefaults.ClaimAbandonedAfter - TimeSpan.FromMinutes(1);
        Store.SavePayment(order.Id, stored);
        var refunded = await RefundFromOrderPageAsync(order, 100m, isPartialRefund: true);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Errors, Is.EqualTo(new[] { English("AfterSale.InProgress") }));
            Assert.That(refunded.Errors, Is.Empty);
            Assert.That(CallsTo(LinePayEndpoint.Refund), Is.EqualTo(1));
            Assert.That(PaymentOf(order).Refunds.Single().Amount, Is.EqualTo(100m));
        });
    }
}
