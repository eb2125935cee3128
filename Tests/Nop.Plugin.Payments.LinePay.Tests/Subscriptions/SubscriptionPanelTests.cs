using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Security;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions;

/// <summary>
/// The subscription on the order page's LINE Pay panel (the key masked, its last check, the cycles) and "Check key"
/// </summary>
[TestFixture]
public class SubscriptionPanelTests : SubscriptionTestBase
{
    private LinePayOrderPanelModelFactory Panels => new(Store.OrderProcessing.Service.Object, Store.OrderService.Object, Checkout.OrderPayments,
        Checkout.Schedule, Checkout.Subscriptions);

    private PaymentLinePayOrderController Controller() =>
        new(Store.LocalizationService.Object, Store.NotificationService.Object, Store.OrderService.Object, Checkout.Reconciliation,
            Checkout.SubscriptionKeys, Checkout.Subscriptions);

    [Test]
    public async Task TheFirstOrderAndEachCycleOrderShowTheSubscriptionWithTheKeyMaskedAndTheCycles()
    {
        var (first, recurringPayment) = await SubscribedAsync(450m);
        await ChargeNextCycleAsync(recurringPayment);
        var cycleOrder = CycleOrders(recurringPayment).Single();
        var regKey = RegKeyOf(recurringPayment);

        var onFirst = (await Panels.PrepareAsync(first)).Subscription;
        var onCycle = (await Panels.PrepareAsync(cycleOrder)).Subscription;

        Assert.Multiple(() =>
        {
            Assert.That(onFirst, Is.Not.Null);
            Assert.That(onCycle.RecurringPaymentId, Is.EqualTo(onFirst.RecurringPaymentId));
            Assert.That(onFirst.MaskedRegKey, Does.EndWith(regKey[^3..]).And.Not.Contain(regKey[..^3]));
            Assert.That(onFirst.KeyState, Is.EqualTo(LinePayRegKeyState.Active));
            Assert.That(onFirst.NextCycleOnUtc, Is.EqualTo(Store.GetRecurringPayment(recurringPayment.Id).StartDateUtc.AddMonths(2)));
            Assert.That(onFirst.Cycles.Select(cycle => (cycle.Cycle, cycle.State, cycle.Amount, cycle.CustomOrderNumber)),
                Is.EqualTo(new[] { (2, LinePayCycleState.Paid, "450 TWD", cycleOrder.CustomOrderNumber) }));
        });
    }

    [Test]
    public async Task AnOrdinaryOrderShowsNoSubscription()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);

        Assert.That((await Panels.PrepareAsync(Store.GetOrder(order.Id))).Subscription, Is.Null);
    }

    [Test]
    public async Task CheckKeyAsksLinePayAndSaysWhatItAnswered()
    {
        var (first, recurringPayment) = await SubscribedAsync();

        var result = (RedirectToActionResult)await Controller().CheckKey(first.Id);
        Emulator.RegKeys.Remove(RegKeyOf(recurringPayment));
        await Controller().CheckKey(first.Id);

        Assert.That((result.ActionName, result.ControllerName, result.RouteValues?["id"]), Is.EqualTo(("Edit", "Order", (object)first.Id)));
        Assert.That(Notifications, Is.EqualTo(new[]
        {
            ("success", NopStore.English("Plugins.Payments.LinePay.Panel.Key.Usable")),
            ("warning", string.Format(NopStore.English("Plugins.Payments.LinePay.Panel.Key.Refused"), "1141",
                NopStore.English("Plugins.Payments.LinePay.KeyState.Unusable")))
        }));
        var panel = (await Panels.PrepareAsync(first)).Subscription;
        Assert.That((panel.KeyState, panel.KeyCheckReturnCode), Is.EqualTo((LinePayRegKeyState.Unusable, "1141")));
    }

    [Test]
    public async Task CheckKeyOnAnOrderOfNoSubscriptionSaysSo()
    {
        var (order, confirmUrl) = await ApprovedOrderAsync();
        await Checkout.ArriveAsync(confirmUrl);

        await Controller().CheckKey(order.Id);

        Assert.That(Notifications, Is.EqualTo(new[] { ("error", NopStore.English("Plugins.Payments.LinePay.Panel.Key.NoSubscription")) }));
    }

    [Test]
    public void CheckKeyIsAnAdminPostThatNeedsTheRightToEditOrders()
    {
        var method = typeof(PaymentLinePayOrderController).GetMethod(nameof(PaymentLinePayOrderController.CheckKey))!;

        Assert.That(method.GetCustomAttributes(typeof(HttpPostAttribute), false), Is.Not.Empty);
        Assert.That(method.GetCustomAttributes(typeof(CheckPermissionAttribute), false), Is.Not.Empty);
    }

    [Test]
    public async Task TheKeysSurviveANewEncryptionKey()
    {
        var (_, recurringPayment) = await SubscribedAsync();
        var regKey = RegKeyOf(recurringPayment);
        var oldKey = Store.Encryption.Key;
        const string newKey = "2718281828459045";

        Store.Encryption.Key = newKey;
        await new LinePayEncryptionKeyChangedConsumer(Store.ChannelSecrets, Checkout.Subscriptions)
            .HandleEventAsync(new Nop.Core.Domain.Security.SecuritySettingsChangedEvent(new SecuritySettings { EncryptionKey = newKey }, oldKey));

        Assert.That(RegKeyOf(recurringPayment), Is.EqualTo(regKey));
        Assert.That(await ChargeNextCycleAsync(recurringPayment), Is.Empty);
        Assert.That(Emulator.Journal.For(global::LinePay.Emulator.Api.LinePayEndpoint.PayPreapproved)[^1].RegKey, Is.EqualTo(regKey));
    }

    [Test]
    public async Task CheckKeyOfAnEndedSubscriptionSaysThereIsNoKeyToAskAbout()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        await CustomerCancelsAsync(recurringPayment);
        var checks = Emulator.Journal.Count(global::LinePay.Emulator.Api.LinePayEndpoint.CheckRegKey);

        await Controller().CheckKey(first.Id);

        Assert.That(Notifications, Is.EqualTo(new[] { ("warning", string.Format(NopStore.English("Plugins.Payments.LinePay.Panel.Key.NothingToCheck"),
            NopStore.English("Plugins.Payments.LinePay.KeyState.Expired"))) }));
        Assert.That(Emulator.Journal.Count(global::LinePay.Emulator.Api.LinePayEndpoint.CheckRegKey), Is.EqualTo(checks));
    }

    [Test]
    public async Task ANewKeyForgetsTheCheckOfTheOldOne()
    {
        var (first, recurringPayment) = await SubscribedAsync();
        await Controller().CheckKey(first.Id);
        var subscription = SubscriptionOf(recurringPayment);

        Checkout.Subscriptions.SetKey(subscription, "RKNEWKEY0000001", "TWD", first.Id);

        Assert.That((subscription.KeyCheckedOnUtc, subscription.KeyCheckReturnCode), Is.EqualTo(((DateTime?)null, (string)null)));
        Assert.That(subscription.MaskedRegKey, Does.EndWith("001"));
    }
}
