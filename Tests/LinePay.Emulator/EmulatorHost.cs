using System.Net;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Journal;
using LinePay.Emulator.Transactions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LinePay.Emulator;

/// <summary>
/// The emulator running in the current process on 127.0.0.1 and a free port, for tests:
/// <code>await using var emulator = await EmulatorHost.StartAsync();</code>
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _customerHttp;
    private readonly EmulatorSettings _initialSettings = new();

    private EmulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        var services = app.Services;
        Settings = services.GetRequiredService<EmulatorSettings>();
        _initialSettings.CopyFrom(Settings);
        Transactions = services.GetRequiredService<TransactionStore>();
        Journal = services.GetRequiredService<CallJournal>();
        Faults = services.GetRequiredService<FaultInjector>();
        Clock = services.GetRequiredService<EmulatorClock>();
        _customerHttp = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        Customer = new EmulatorCustomer(Transactions, _customerHttp);
        MerchantCenter = services.GetRequiredService<MerchantCenter>();
        RegKeys = services.GetRequiredService<RegKeys>();
    }

    /// <summary>Ends with a slash, e.g. http://127.0.0.1:45678/; use it as the plugin's API base address</summary>
    public Uri BaseAddress { get; }

    public string ChannelId => Settings.ChannelId;

    public string ChannelSecret => Settings.ChannelSecret;

    public EmulatorSettings Settings { get; }

    public TransactionStore Transactions { get; }

    public CallJournal Journal { get; }

    public FaultInjector Faults { get; }

    public EmulatorClock Clock { get; }

    public EmulatorCustomer Customer { get; }

    /// <summary>Refunds and voids made by the merchant outside the API</summary>
    public MerchantCenter MerchantCenter { get; }

    /// <summary>The regKeys and what happens to them outside the API: removed by the customer, expired by LINE Pay</summary>
    public RegKeys RegKeys { get; }

    public static async Task<EmulatorHost> StartAsync(EmulatorSettings? settings = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLinePayEmulator(settings ?? new EmulatorSettings());

        var app = builder.Build();
        app.MapLinePayEmulator();
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The customer approves the payment; returns confirmUrl with transactionId and orderId</summary>
    public Task<Uri> ApproveAsync(long transactionId, CancellationToken cancellationToken = default) =>
        Customer.ApproveAsync(transactionId, cancellationToken);

    /// <summary>The customer cancels the payment; returns cancelUrl with transactionId and orderId</summary>
    public Task<Uri> CancelAsync(long transactionId, CancellationToken cancellationToken = default) =>
        Customer.CancelAsync(transactionId, cancellationToken);

    /// <summary>
    /// Settings, faults, journal and clock back to the state of a fresh emulator (transactions and regKeys are kept, in
    /// their states)
    /// </summary>
    public void Reset()
    {
        Settings.CopyFrom(_initialSettings);
        Faults.Clear();
        Journal.Clear();
        Clock.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        _customerHttp.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
