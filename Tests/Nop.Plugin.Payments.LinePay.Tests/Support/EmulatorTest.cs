using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Journal;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// Base of test fixtures that talk to the LINE Pay emulator: one emulator per fixture on a free loopback port, with
/// its settings, faults, call journal and clock reset before every test.
/// </summary>
public abstract class EmulatorTest
{
    protected EmulatorHost Emulator { get; private set; } = null!;

    /// <summary>Signs with the emulator's channel credentials</summary>
    protected LinePayTestClient Api { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartEmulatorAsync()
    {
        Emulator = await EmulatorHost.StartAsync();
        Api = new LinePayTestClient(Emulator.BaseAddress, Emulator.ChannelId, Emulator.ChannelSecret);
    }

    [SetUp]
    public void ResetEmulator() => Emulator.Reset();

    [OneTimeTearDown]
    public async Task StopEmulatorAsync()
    {
        Api?.Dispose();
        if (Emulator is not null)
            await Emulator.DisposeAsync();
    }

    /// <summary>A reservation the customer already approved on the approval page</summary>
    protected async Task<long> ApprovedPaymentAsync(string amount = "100", string currency = "TWD", bool capture = true,
        string orderId = null, int version = 3)
    {
        var transactionId = await Api.RequestAsync(
            PaymentRequestBody.Create(orderId ?? PaymentRequestBody.NewOrderId(), amount, currency).WithPayment(capture),
            version);
        await Emulator.ApproveAsync(transactionId);
        return transactionId;
    }

    /// <summary>A confirmed payment: captured, or authorized when capture is false</summary>
    protected async Task<long> ConfirmedPaymentAsync(string amount = "100", string currency = "TWD", bool capture = true)
    {
        var transactionId = await ApprovedPaymentAsync(amount, currency, capture);
        var answer = await Api.ConfirmAsync(transactionId, amount, currency);
        Assert.That(answer.ReturnCode, Is.EqualTo("0000"), answer.ToString());
        return transactionId;
    }

    /// <summary>
    /// The emulator's record of the only call to an endpoint (for a transaction, when given); waits for it, because
    /// after a client timeout or a dropped connection the emulator may still be finishing the call
    /// </summary>
    protected async Task<ApiCallRecord> JournaledCallAsync(LinePayEndpoint endpoint, long? transactionId = null)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var calls = transactionId is { } id ? Emulator.Journal.For(endpoint, id) : Emulator.Journal.For(endpoint);
            if (calls.Count > 0)
            {
                Assert.That(calls, Has.Count.EqualTo(1), $"{endpoint} was sent once");
                return calls[0];
            }

            await Task.Delay(50);
        }

        throw new AssertionException($"No {endpoint} call was journaled.");
    }
}
