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
        Assert.That(await otherClaims.TryClaimAsync(order, await otherPayments.GetAsync(order)), Is.True);

        Assert.That(await claims.TryClaimAsync(order, seen), Is.False);
        Assert.That(await claims.RestoreAbandonedAsync(order), Is.False);
        Assert.That(store.AttributeRowsOf(order.Id, LinePayDefaults.ConfirmClaimAttribute), Is.Empty);
    }

    // the services of one request, reading generic attributes through a service that caches them for the request
    private static (LinePayOrderPaymentService Payments, LinePayConfirmClaimService Claims) Request(NopStore store)
    {
        var payments = store.NewRequestOrderPaymentService();
        return (payments, new LinePayConfirmClaimService(new LinePayClaimRows(store.GenericAttributeRepository.Object), payments));
    }
}
