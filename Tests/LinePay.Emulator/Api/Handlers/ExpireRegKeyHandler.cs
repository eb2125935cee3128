using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/preapprovedPay/{regKey}/expire: discards a regKey
/// </summary>
internal sealed class ExpireRegKeyHandler(TransactionStore store) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.ExpireRegKey;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var key = store.GetRegKey(call.PathIdentifier) ?? throw new ApiError(ReturnCodes.RegKeyNotFound);
        JsonBody.ParseOptionalObject(call.Body);
        lock (key.Sync)
        {
            if (key.Expired)
                throw new ApiError(ReturnCodes.RegKeyExpired);
            key.Expired = true;
        }

        return Task.FromResult(ApiResponse.Ok("OK"));
    }
}
