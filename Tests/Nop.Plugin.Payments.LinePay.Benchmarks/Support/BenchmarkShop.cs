using LinePay.Emulator;
using Moq;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Support;

/// <summary>
/// The tests' in-memory nopCommerce store (Moq) configured for a LINE Pay emulator on loopback, with the plugin's real
/// checkout services and return controller. Every LINE Pay client shares one pooled handler, as clients from
/// IHttpClientFactory do in a running store (the tests' store gives each client its own).
/// </summary>
public sealed class BenchmarkShop : IAsyncDisposable
{
    private readonly SocketsHttpHandler _handler = LinePayClient.CreateHttpHandler();

    private BenchmarkShop(EmulatorHost emulator)
    {
        Emulator = emulator;
        Store = new NopStore();
        Store.AddCurrency("TWD", 1m, primary: true);
        Store.ConfigureLinePay(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        Store.HttpClientFactory.Setup(factory => factory.CreateClient(It.IsAny<string>()))
            .Returns(() => new HttpClient(_handler, disposeHandler: false));
        Checkout = new LinePayCheckout(Store);
    }

    public EmulatorHost Emulator { get; }

    public NopStore Store { get; }

    public LinePayCheckout Checkout { get; }

    public static async Task<BenchmarkShop> StartAsync(EmulatorSettings settings = null) =>
        new(await EmulatorHost.StartAsync(settings));

    /// <summary>Places an order of one line, starts its LINE Pay payment and has the customer approve it</summary>
    public async Task<(Order Order, Uri ConfirmUrl)> ApprovedOrderAsync(decimal total = 1500m)
    {
        var order = Store.PlaceOrder(total);
        Store.AddOrderItem(order, "Tea", 1, total);
        var paymentUrl = await Checkout.PostProcessAsync(order)
            ?? throw new InvalidOperationException($"Order {order.Id} was not sent to LINE Pay.");

        return (order, await Emulator.Customer.ApproveAsync(paymentUrl));
    }

    public async ValueTask DisposeAsync()
    {
        _handler.Dispose();
        await Emulator.DisposeAsync();
    }
}
