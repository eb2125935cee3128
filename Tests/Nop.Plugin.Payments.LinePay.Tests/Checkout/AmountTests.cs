using System.Text.Json;
using LinePay.Emulator.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Checkout;

/// <summary>
/// The amount requested: the configured currency, its scale, and the package lines
/// </summary>
[TestFixture]
public class AmountTests : CheckoutTestBase
{
    private void UseCurrency(string code) => Store.Settings.Set(0, nameof(LinePayPaymentSettings.CurrencyCode), code);

    private async Task<(decimal Amount, string Currency, JsonElement Products)> RequestedAsync(Nop.Core.Domain.Orders.Order order)
    {
        await Checkout.PostProcessAsync(order);
        var transaction = Emulator.Transactions.Find(PaymentOf(order).TransactionId)!;
        var products = JsonDocument.Parse(transaction.PackagesJson).RootElement[0].GetProperty("products");
        return (transaction.Amount, transaction.Currency, products);
    }

    [Test]
    public async Task TwdIsAWholeNumberAndTheRoundingIsNoted()
    {
        var order = Store.PlaceOrder(1234.5m);

        var (amount, currency, products) = await RequestedAsync(order);

        Assert.That((amount, currency), Is.EqualTo((1235m, "TWD")));
        Assert.That(PaymentOf(order).Amount, Is.EqualTo(1235m));
        Assert.That(NotesOf(order), Has.Some.Contains("1234.5 TWD was rounded to 1235 TWD"));
        Assert.That(products.GetArrayLength(), Is.EqualTo(1));
        Assert.That(products[0].GetProperty("name").GetString(), Is.EqualTo($"Order #{order.CustomOrderNumber}"));
    }

    [Test]
    public async Task ThbUsesTheAmountTheCustomerSawInTwoDecimals()
    {
        UseCurrency("THB");
        //the customer paid in THB at the order's own rate, not today's
        var order = Store.PlaceOrder(1000m, customerCurrencyCode: "THB", currencyRate: 1.123456m);

        var (amount, currency, _) = await RequestedAsync(order);

        Assert.That((amount, currency), Is.EqualTo((1123.46m, "THB")));
        Assert.That(NotesOf(order), Has.Some.Contains("1123.456000 THB was rounded to 1123.46 THB"));
    }

    [Test]
    public async Task TheStoreCurrencyIsUsedWhenTheCustomerPaidInAnother()
    {
        var order = Store.PlaceOrder(1000m, customerCurrencyCode: "USD", currencyRate: 0.0325m);

        var (amount, currency, _) = await RequestedAsync(order);

        Assert.That((amount, currency), Is.EqualTo((1000m, "TWD")));
        Assert.That(NotesOf(order), Has.None.Contains("rounded"));
    }

    [Test]
    public async Task OtherwiseTheTotalIsConvertedByTheCurrencyService()
    {
        UseCurrency("THB");
        var order = Store.PlaceOrder(1000m, customerCurrencyCode: "TWD", currencyRate: 1m);

        var (amount, currency, _) = await RequestedAsync(order);

        Assert.That((amount, currency), Is.EqualTo((1100m, "THB")));
    }

    [Test]
    public void AStoreWithoutTheCurrencyCannotRequest()
    {
        Store.Currencies.RemoveAll(c => c.CurrencyCode == "USD");
        UseCurrency("USD");
        var order = Store.PlaceOrder(1000m, customerCurrencyCode: "TWD", currencyRate: 1m);

        Assert.ThrowsAsync<Nop.Core.NopException>(() => Checkout.PostProcessAsync(order));
        Assert.That(Emulator.Journal.Count(LinePayEndpoint.Request), Is.Zero);
    }

    [Test]
    public async Task LinesThatAddUpAreSentAsProducts()
    {
        var order = Store.PlaceOrder(1300m);
        Store.AddOrderItem(order, "Green tea", 2, 400m);
        Store.AddOrderItem(order, "Teapot", 1, 500m);

        var (_, _, products) = await RequestedAsync(order);

        Assert.That(products.EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("quantity").GetInt32(), p.GetProperty("price").GetDecimal())),
            Is.EqualTo(new[] { ("Green tea", 2, 400m), ("Teapot", 1, 500m) }));
    }

    [Test]
    public async Task LinesThatDoNotAddUpBecomeOneLine()
    {
        //shipping is part of the total but not of the lines
        var order = Store.PlaceOrder(1360m);
        Store.AddOrderItem(order, "Green tea", 2, 400m);
        Store.AddOrderItem(order, "Teapot", 1, 500m);

        var (amount, _, products) = await RequestedAsync(order);

        Assert.That(amount, Is.EqualTo(1360m));
        Assert.That(products.GetArrayLength(), Is.EqualTo(1));
        Assert.That(products[0].GetProperty("price").GetDecimal(), Is.EqualTo(1360m));
        Assert.That(products[0].GetProperty("quantity").GetInt32(), Is.EqualTo(1));
    }
}
