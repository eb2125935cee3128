using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/preapprovedPay/{regKey}/expire: ends a usable regKey; an expired one answers 1193, one whose
/// payment method the customer removed <see cref="EmulatorSettings.RemovedRegKeyExpireReturnCode"/> (with "0000" it
/// ends as expired)
/// </summary>
internal sealed class ExpireRegKeyHandler(EmulatorSettings settings, TransactionStore store) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.ExpireRegKey;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var key = store.GetRegKey(call.PathIdentifier) ?? throw new ApiError(ReturnCodes.RegKeyNotFound);
        JsonBody.ParseOptionalObject(call.Body);
        lock (key.Sync)
        {
            if (key.State == RegKeyState.Removed && settings.RemovedRegKeyExpireReturnCode != ReturnCodes.Success)
                throw new ApiError(settings.RemovedRegKeyExpireReturnCode);
            if (key.State != RegKeyState.Removed)
                UnusableRegKey.ThrowUnlessUsable(key, settings);

            key.State = RegKeyState.Expired;
        }

        return Task.FromResult(ApiResponse.Ok("OK"));
    }
}
