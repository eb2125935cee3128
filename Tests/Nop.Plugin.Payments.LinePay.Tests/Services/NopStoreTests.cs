using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

/// <summary>
/// The in-memory store behaves like nopCommerce where the flow depends on it
/// </summary>
[TestFixture]
public class NopStoreTests
{
    [Test]
    public async Task TheLockerRefusesAHeldKeyAtOnceAndReleasesItAfterwards()
    {
        var store = new NopStore();
        var locker = store.Locker.Object;
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = locker.PerformActionWithLockAsync("k", TimeSpan.FromMinutes(1), async () =>
        {
            inside.SetResult();
            await release.Task;
        });
        await inside.Task;
        var ran = false;
        var second = await locker.PerformActionWithLockAsync("k", TimeSpan.FromMinutes(1), () => { ran = true; return Task.CompletedTask; });
        release.SetResult();

        Assert.That(await first, Is.True);
        Assert.That(second, Is.False);
        Assert.That(ran, Is.False);
        Assert.That(await locker.PerformActionWithLockAsync("k", TimeSpan.FromMinutes(1), () => Task.CompletedTask), Is.True);
    }

    [Test]
    public async Task OrdersAreReadAsCopiesAndChangedOnlyBySaving()
    {
        var store = new NopStore();
        var order = store.PlaceOrder(100m);

        var read = await store.OrderService.Object.GetOrderByGuidAsync(order.OrderGuid);
        read.CaptureTransactionId = "1";
        Assert.That(store.GetOrder(order.Id).CaptureTransactionId, Is.Null);

        await store.OrderService.Object.UpdateOrderAsync(read);
        Assert.That(store.GetOrder(order.Id).CaptureTransactionId, Is.EqualTo("1"));
        Assert.That(await store.OrderService.Object.GetOrderByGuidAsync(Guid.Empty), Is.Null);
    }

    [Test]
    public async Task MarkingPaidFollowsNopCommerce()
    {
        var store = new NopStore();
        var processing = store.OrderProcessing.Service.Object;
        var order = store.PlaceOrder(100m);

        Assert.That(processing.CanMarkOrderAsPaid(order), Is.True);
        await processing.MarkOrderAsPaidAsync(order);

        var stored = store.GetOrder(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Paid));
        Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Processing));
        Assert.That(stored.PaidDateUtc, Is.Not.Null);
        Assert.That(store.NotesOf(order.Id).Select(n => n.Note), Does.Contain("Order has been marked as paid"));
        Assert.That(processing.CanMarkOrderAsPaid(stored), Is.False);
        Assert.ThrowsAsync<NopException>(() => processing.MarkOrderAsPaidAsync(stored));
    }

    [Test]
    public async Task MarkingAuthorizedFollowsNopCommerce()
    {
        var store = new NopStore();
        var processing = store.OrderProcessing.Service.Object;
        var order = store.PlaceOrder(100m);

        await processing.MarkAsAuthorizedAsync(order);

        var stored = store.GetOrder(order.Id);
        Assert.That(stored.PaymentStatus, Is.EqualTo(PaymentStatus.Authorized));
        Assert.That(stored.OrderStatus, Is.EqualTo(OrderStatus.Processing));
        Assert.That(processing.CanMarkOrderAsAuthorized(stored), Is.False);
        Assert.That(processing.CanMarkOrderAsPaid(stored), Is.True, "nopCommerce lets an authorized order be marked paid");
        Assert.That(processing.CanVoidOffline(stored), Is.True);
    }

    [Test]
    public void ACancelledOrderCannotBePaidOrAuthorized()
    {
        var order = new NopStore().PlaceOrder(100m);
        order.OrderStatus = OrderStatus.Cancelled;

        Assert.That(NopOrderProcessingRules.CanMarkOrderAsPaid(order), Is.False);
        Assert.That(NopOrderProcessingRules.CanMarkOrderAsAuthorized(order), Is.False);
    }

    [Test]
    public async Task ResourcesAreTheEnglishTextsOrTheKey()
    {
        var localization = new NopStore().LocalizationService.Object;

        Assert.That(await localization.GetResourceAsync("Plugins.Payments.LinePay.PaymentMethodDescription"),
            Is.EqualTo(NopStore.English("Plugins.Payments.LinePay.PaymentMethodDescription")).And.Not.StartWith("Plugins."));
        Assert.That(await localization.GetResourceAsync("No.Such.Key"), Is.EqualTo("No.Such.Key"));
    }
}
