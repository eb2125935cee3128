using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Micro;

/// <summary>
/// A Payment Details answer as the emulator sends it over the wire: captured payments, each refunded in part twice
/// </summary>
public static class PaymentDetailsSample
{
    public static async Task<string> CreateAsync(int entries)
    {
        await using var emulator = await EmulatorHost.StartAsync();
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);

        var transactionIds = new List<long>();
        for (var i = 0; i < entries; i++)
        {
            var transactionId = await api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "1500"));
            await emulator.ApproveAsync(transactionId);
            Require(await api.ConfirmAsync(transactionId, "1500"));
            Require(await api.RefundAsync(transactionId, "100"));
            Require(await api.RefundAsync(transactionId, "250"));
            transactionIds.Add(transactionId);
        }

        var answer = await api.DetailsAsync(string.Join('&', transactionIds.Select(id => $"transactionId={id}")));
        Require(answer);
        return answer.Body;
    }

    private static void Require(ApiAnswer answer)
    {
        if (answer.ReturnCode != "0000")
            throw new InvalidOperationException($"The emulator refused a sample call: {answer}");
    }
}
