using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// GET /v3/payments/preapprovedPay/{regKey}/check: 0000 while the regKey can be used; 1141 once the customer removed
/// the payment method, 1193 once it expired
/// </summary>
internal sealed class CheckRegKeyHandler(EmulatorSettings settings, TransactionStore store) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.CheckRegKey;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var key = store.GetRegKey(call.PathIdentifier) ?? throw new ApiError(ReturnCodes.RegKeyNotFound);
        lock (key.Sync)
            UnusableRegKey.ThrowUnlessUsable(key, settings);

        return Task.FromResult(ApiResponse.Ok("OK"));
    }
}
