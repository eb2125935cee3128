using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

/// <summary>
/// Base of the tests that drive <see cref="LinePayClient"/> against the emulator over loopback HTTP: a v3 client with
/// the emulator's channel credentials, and helpers that take a payment to a given state through the client itself
/// </summary>
public abstract class ClientIntegrationTest : EmulatorTest
{
    private readonly List<HttpClient> _httpClients = [];

    /// <summary>A v3 client with the emulator's credentials and LINE Pay's default timeouts</summary>
    protected LinePayClient Client { get; private set; }

    [SetUp]
    public void CreateClient() => Client = NewClient();

    [TearDown]
    public void DisposeHttpClients()
    {
        foreach (var http in _httpClients)
            http.Dispose();
        _httpClients.Clear();
    }

    protected LinePayClient NewClient(LinePayApiVersion version = LinePayApiVersion.V3, string channelSecret = null,
        LinePayTimeouts timeouts = null)
    {
        timeouts ??= new LinePayTimeouts();
        var http = new HttpClient(LinePayClient.CreateHttpHandler(timeouts));
        _httpClients.Add(http);

        return new LinePayClient(http, new LinePayClientOptions
        {
            ChannelId = Emulator.ChannelId,
            ChannelSecret = channelSecret ?? Emulator.ChannelSecret,
            ApiVersion = version,
            BaseAddress = Emulator.BaseAddress,
            Timeouts = timeouts
        });
    }

    /// <summary>Requests through the client and approves on the emulator's approval page</summary>
    protected async Task<long> ApprovedThroughClientAsync(PaymentRequest request, LinePayClient client = null)
    {
        var reserved = await (client ?? Client).RequestPaymentAsync(request);
        await Emulator.Customer.ApproveAsync(new Uri(reserved.PaymentUrl.Web));
        return reserved.TransactionId;
    }

    /// <summary>Requests, approves and confirms through the client: captured, or authorized when capture is false</summary>
    protected async Task<long> ConfirmedThroughClientAsync(PaymentRequest request, LinePayClient client = null)
    {
        var transactionId = await ApprovedThroughClientAsync(request, client);
        await (client ?? Client).ConfirmPaymentAsync(transactionId, request.Amount, request.Currency);
        return transactionId;
    }
}
