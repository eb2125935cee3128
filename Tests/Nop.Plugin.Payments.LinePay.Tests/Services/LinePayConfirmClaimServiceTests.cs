using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

[TestFixture]
public class LinePayConfirmClaimServiceTests
{
    [Test]
    public async Task AClaimJustTakenByAnotherRequestIsNotPutBackAsAbandoned()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(100m);
        var idle = new LinePayOrderPayment
        {
            TransactionId = 2025_0001,
            State = LinePayPaymentState.Paid,
            UpdatedOnUtc = DateTime.UtcNow - LinePayDefaults.ClaimAbandonedAfter - TimeSpan.FromMinutes(10)
        };
        store.SavePayment(order.Id, idle);
        await store.Claims.AddFirstClaimAsync(order, idle);
        var (payments, claims) = Request(store);
        var (otherPayments, otherClaims) = Request(store);

        var seen = await payments.GetAsync(order);
        Assert.That(await otherClaims.TryClaimAsync(order, await otherPayments.GetAsync(order)), Is.Not.Null);

        Assert.That(await claims.TryClaimAsync(order, seen), Is.Null);
        Assert.That(await claims.RestoreAbandonedAsync(order), Is.False);
        Assert.That(store.AttributeRowsOf(order.Id, LinePayDefaults.ConfirmClaimAttribute), Is.Empty);
    }

    [Test]
    public async Task AClaimTakenWithACopyReadWhileAnotherRequestHeldItWorksOnTheRecordThatRequestLeft()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(100m);
        var requested = new LinePayOrderPayment { TransactionId = 2025_0002, State = LinePayPaymentState.Requested, UpdatedOnUtc = DateTime.UtcNow };
        store.SavePayment(order.Id, requested);
        await store.Claims.AddFirstClaimAsync(order, requested);
        var (payments, claims) = Request(store);
        var (holderPayments, holderClaims) = Request(store);

        //the holder takes the claim; the other request reads the record meanwhile
        var holding = await holderClaims.TryClaimAsync(order, await holderPayments.GetAsync(order));
        var seen = await payments.GetAsync(order);
        //the holder confirms the payment and puts the claim back
        holding.Apply(LinePayPaymentEvent.ConfirmSent);
        holding.Apply(LinePayPaymentEvent.Captured);
        await holderPayments.SaveAsync(order, holding);
        await holderClaims.ReleaseAsync(order, holding);

        var claimed = await claims.TryClaimAsync(order, seen);

        Assert.That(seen.State, Is.EqualTo(LinePayPaymentState.Requested), "read before the holder's change");
        Assert.That(claimed?.State, Is.EqualTo(LinePayPaymentState.Paid));
        Assert.That(store.PaymentOf(order.Id).State, Is.EqualTo(LinePayPaymentState.Paid), "the claim did not write the old copy back");
    }

    // the services of one request, reading generic attributes through a service that caches them for the request
    private static (LinePayOrderPaymentService Payments, LinePayConfirmClaimService Claims) Request(NopStore store)
    {
        var payments = store.NewRequestOrderPaymentService();
        return (payments, new LinePayConfirmClaimService(new LinePayClaimRows(store.GenericAttributeRepository.Object), payments));
    }
}
