using LinePay.Emulator.Api;
using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// The first order of a recurring cart: a pre-approved LINE Pay checkout whose Confirm issues the key of the subscription
/// </summary>
[TestFixture]
public class FirstOrderTests : SubscriptionTestBase
{
    [Test]
    public async Task TheFirstOrderIsAPreapprovedPaymentWhoseKeyTheSubscriptionKeepsEncrypted()
    {
        var (order, recurringPayment) = await SubscribedAsync(450m);

        var request = LastBody(LinePayEndpoint.Request);
        var subscription = SubscriptionOf(recurringPayment);
        var regKey = RegKeyOf(recurringPayment);
        Assert.Multiple(() =>
        {
            Assert.That(request.GetProperty("options").GetProperty("payment").GetProperty("payType").GetString(), Is.EqualTo("PREAPPROVED"));
            Assert.That(request.GetProperty("options").TryGetProperty("regPayRequest", out _), Is.False, "v3 has no regPayRequest");
            Assert.That(order.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
            Assert.That(Emulator.RegKeys.Find(regKey), Is.Not.Null.And.Property("Usable").True, "the key LINE Pay issued at Confirm");
            Assert.That(subscription.KeyState, Is.EqualTo(LinePayRegKeyState.Active));
            Assert.That(subscription.Currency, Is.EqualTo("TWD"));
            Assert.That(subscription.KeyOrderId, Is.EqualTo(order.Id));
            Assert.That(subscription.StoredRegKey, Does.Not.Contain(regKey), "stored encrypted");
            Assert.That(subscription.MaskedRegKey, Does.EndWith(regKey[^3..]).And.Not.Contain(regKey[..^3]));
            Assert.That(PaymentOf(order).IssuedRegKey, Is.Null, "the order forgets the key once the subscription took it");
        });
        Assert.That(EverythingWritten(order), Has.None.Contains(regKey));
        Assert.That(NotesOf(order), Has.Some.Contains(subscription.MaskedRegKey));
    }

    [TestCase(RecurringProductCyclePeriod.Months, 1, "MONTH")]
    [TestCase(RecurringProductCyclePeriod.Weeks, 1, "WEEK")]
    [TestCase(RecurringProductCyclePeriod.Years, 1, "YEAR")]
    public async Task OnApiV4TheRequestCarriesTheRecurringTermsOfTheProductsCycle(RecurringProductCyclePeriod period, int length, string linePayPeriod)
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V4);

        var (_, recurringPayment) = await SubscribedAsync(450m, period, length);

        var terms = LastBody(LinePayEndpoint.Request).GetProperty("options").GetProperty("regPayRequest");
        Assert.Multiple(() =>
        {
            Assert.That(terms.GetProperty("regPayPeriodType").GetString(), Is.EqualTo("RECURRING"));
            Assert.That(terms.GetProperty("recurringPeriod").GetString(), Is.EqualTo(linePayPeriod));
            Assert.That(terms.GetProperty("productPrice").GetDecimal(), Is.EqualTo(450m));
            Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active));
        });
    }

    [Test]
    public async Task OnApiV4ACycleLongerThanOnePeriodIsNotRecurringForLinePay()
    {
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.ApiVersion), LinePayApiVersion.V4);

        await SubscribedAsync(450m, RecurringProductCyclePeriod.Days, 10);

        var terms = LastBody(LinePayEndpoint.Request).GetProperty("options").GetProperty("regPayRequest");
        Assert.That(terms.GetProperty("regPayPeriodType").GetString(), Is.EqualTo("NON_RECURRING"));
        Assert.That(terms.TryGetProperty("recurringPeriod", out _), Is.False);
    }

    [Test]
    public async Task AnOrdinaryOrderIsNoPreapprovedPayment()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync(300m);
        await Checkout.ArriveAsync(confirmUrl);

        Assert.That(LastBody(LinePayEndpoint.Request).GetProperty("options").GetProperty("payment").TryGetProperty("payType", out _), Is.False);
        Assert.That(PaymentOf(order).Preapproved, Is.False);
        var transaction = Emulator.Transactions.Find(PaymentOf(order).TransactionId)!;
        Assert.That((transaction.Preapproved, transaction.RegKey), Is.EqualTo((false, (string)null)));
    }

    [Test]
    public async Task ACustomerWhoCancelsAtLinePayLeavesNoKeyAndNoChargeableSubscription()
    {
        var (order, recurringPayment) = PlaceSubscriptionOrder();
        await Checkout.ArriveAsync(await Emulator.Customer.CancelAsync(await Checkout.PostProcessAsync(order)));
        MakeNextCycleDue(recurringPayment);

        var errors = (await ProcessNextPaymentAsync(recurringPayment)).ToList();

        Assert.That(errors, Is.EqualTo(new[] { string.Format(NopStore.English("Plugins.Payments.LinePay.Subscription.FirstOrderNotPaid"), order.CustomOrderNumber) }));
        Assert.That(PreapprovedPayments, Is.Zero);
        Assert.That(Store.HistoryOrderIds(recurringPayment.Id), Has.Count.EqualTo(1));
        Assert.That(Store.GetRecurringPayment(recurringPayment.Id).LastPaymentFailed, Is.False, "nobody's payment failed");
    }

    [Test]
    public async Task AKeyWhoseConfirmAnswerWasLostIsReplacedByTheCustomersNextCheckout()
    {
        var (order, recurringPayment) = PlaceSubscriptionOrder(450m);
        var confirmUrl = await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(order));
        //LINE Pay confirms and issues the key, but its answer never arrives; the payment is settled from Payment Details
        Emulator.Faults.Next(LinePayEndpoint.Confirm, global::LinePay.Emulator.Faults.Fault.ApplyThenAbort(), times: 5);
        await Checkout.ArriveAsync(confirmUrl);
        Emulator.Faults.Clear();
        AgePayment(order, TimeSpan.FromMinutes(30));
        await ReconciliationTask.ExecuteAsync();

        Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Paid), "the money LINE Pay took is recorded");
        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.None));
        Assert.That(NotesOf(order), Has.Some.Contains("LINE Pay's answer with the subscription's key was lost"));

        //the next cycle goes to the customer, whose checkout issues a key the shop knows
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        var waiting = CycleOrders(recurringPayment).Single();
        Assert.That(waiting.PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        await Checkout.ArriveAsync(await Emulator.Customer.ApproveAsync(await Checkout.PostProcessAsync(waiting)));

        Assert.That(SubscriptionOf(recurringPayment).KeyState, Is.EqualTo(LinePayRegKeyState.Active));
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        Assert.That(CycleOrders(recurringPayment).Select(o => o.PaymentStatus), Is.All.EqualTo(PaymentStatus.Paid));
    }

    [Test]
    public async Task AChannelWithoutPreapprovedPaymentsRefusesTheFirstOrderAndTheShopOwnerLearnsWhy()
    {
        var (order, _) = PlaceSubscriptionOrder();
        Emulator.Settings.PreapprovedAllowed = false;
        try
        {
            var exception = Assert.ThrowsAsync<Nop.Core.NopException>(() => Checkout.PostProcessAsync(order));

            Assert.That(exception!.Message, Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.Checkout.RequestFailed")));
            Assert.That(NotesOf(order), Has.Some.Contains("1194"));
            Assert.That(Store.Log, Has.Some.Matches<(string Level, string Message)>(entry => entry.Level == "error" && entry.Message.Contains("1194")));
            Assert.That(Store.GetOrder(order.Id).PaymentStatus, Is.EqualTo(PaymentStatus.Pending));
        }
        finally
        {
            Emulator.Settings.PreapprovedAllowed = true;
        }
    }
}
