using LinePay.Emulator;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Emulator;

/// <summary>
/// One customer's payment as a shop drives it through the signed API: Request, the customer's approval (on the approval
/// page, not an API call), Check, Confirm and Payment Details; every fifth payment is then partly refunded and looked
/// up by orderId, as a shop's after-sale does. 4.4 API calls a payment on average.
/// </summary>
public sealed class PaymentFlow(LinePayTestClient api, EmulatorHost emulator, CallCounter counter)
{
    public async Task RunAsync(long number)
    {
        var orderId = $"memory-{number:D8}";
        var requested = await CallAsync(api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId)), "0000");
        if (requested is null)
            return;

        var transactionId = requested.Info.GetProperty("transactionId").GetInt64();
        await emulator.Customer.ApproveAsync(transactionId);
        await CallAsync(api.CheckAsync(transactionId), "0110");
        await CallAsync(api.ConfirmAsync(transactionId, "100"), "0000");
        await CallAsync(api.DetailsAsync($"transactionId={transactionId}"), "0000");
        if (number % 5 != 0)
            return;

        await CallAsync(api.RefundAsync(transactionId, "30"), "0000");
        await CallAsync(api.DetailsAsync($"orderId={orderId}"), "0000");
    }

    /// <returns>the answer, or null when it was not the expected return code</returns>
    private async Task<ApiAnswer> CallAsync(Task<ApiAnswer> call, string expected)
    {
        var answer = await call;
        return counter.Count(answer.ReturnCode == expected ? null : answer.ToString()) ? answer : null;
    }
}
