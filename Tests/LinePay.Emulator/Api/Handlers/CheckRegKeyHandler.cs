using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// GET /v3/payments/preapprovedPay/{regKey}/check: 0000 while the regKey can be used
/// </summary>
internal sealed class CheckRegKeyHandler(TransactionStore store) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.CheckRegKey;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var key = store.FindRegKey(call.PathIdentifier) ?? throw new ApiError(ReturnCodes.RegKeyNotFound);
        if (key.Expired)
            throw new ApiError(ReturnCodes.RegKeyExpired);

        return Task.FromResult(ApiResponse.Ok("OK"));
    }
}
