using LinePay.Emulator.Api;
using Microsoft.AspNetCore.Mvc;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// A store configured for the emulator (TWD primary currency, capture mode unless a test changes it) and its checkout
/// </summary>
public abstract class CheckoutTestBase : EmulatorTest
{
    protected NopStore Store { get; private set; } = null!;

    protected LinePayCheckout Checkout { get; private set; } = null!;

    [SetUp]
    public void CreateStore()
    {
        Store = new NopStore();
        Store.AddCurrency("TWD", 1m, primary: true);
        Store.AddCurrency("THB", 1.1m);
        Store.AddCurrency("USD", 0.0325m);
        Store.ConfigureLinePay(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
        Checkout = new LinePayCheckout(Store);
        Checkout.ConsumeOrderEvents();
    }

    protected void UsePaymentMode(LinePayPaymentMode mode) =>
        Store.Settings.Set(0, nameof(LinePayPaymentSettings.PaymentMode), mode);

    /// <summary>Places an order, starts the payment and has the customer approve it; returns the confirm URL</summary>
    protected async Task<(Order Order, Uri ConfirmUrl)> ApprovedOrderAsync(decimal total = 1500m)
    {
        var order = Store.PlaceOrder(total);
        var paymentUrl = await Checkout.PostProcessAsync(order);
        return (order, await Emulator.Customer.ApproveAsync(paymentUrl));
    }

    /// <summary>The scheduled task that settles payments whose customer never came back, over this store</summary>
    protected LinePayReconciliationTask ReconciliationTask => Checkout.ReconciliationTask;

    /// <summary>As if the order's payment was requested this long ago</summary>
    protected void AgePayment(Order order, TimeSpan age)
    {
        var payment = PaymentOf(order);
        payment.RequestedOnUtc = DateTime.UtcNow - age;
        Store.SavePayment(order.Id, payment);
    }

    protected int ConfirmCalls => Emulator.Journal.Count(LinePayEndpoint.Confirm);

    protected LinePayOrderPayment PaymentOf(Order order) => Store.PaymentOf(order.Id);

    protected IReadOnlyList<string> NotesOf(Order order) => Store.NotesOf(order.Id).Select(n => n.Note).ToList();

    protected IReadOnlyList<(string Kind, string Text)> Notifications => Store.Notifications.ToList();

    protected static void AssertRedirect(RedirectToRouteResult result, string routeName, int? orderId = null)
    {
        Assert.That(result.RouteName, Is.EqualTo(routeName));
        if (orderId is not null)
            Assert.That(result.RouteValues?["orderId"], Is.EqualTo(orderId));
    }

    protected void AssertNoSecretAnywhere(Order order)
    {
        Assert.That(NotesOf(order), Has.None.Contains(Emulator.ChannelSecret));
        Assert.That(Store.Log.Select(l => l.Message), Has.None.Contains(Emulator.ChannelSecret));
        Assert.That(Store.AttributeOf(order.Id, LinePayDefaults.OrderPaymentAttribute) ?? "", Does.Not.Contain(Emulator.ChannelSecret));
    }
}
