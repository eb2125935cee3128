using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// GET /v3/payments/requests/{transactionId}/check: where the customer is with a payment request, as a status code
/// </summary>
internal sealed class CheckHandler(EmulatorSettings settings, TransactionGate gate, TimeProvider clock) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Check;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        TransactionState state;
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            state = transaction.State;
        }

        var response = state switch
        {
            TransactionState.Reserved => new ApiResponse(ReturnCodes.Success, "reserved transaction."),
            TransactionState.Authenticated => new ApiResponse(ReturnCodes.Authenticated, "authentication is done."),
            TransactionState.Cancelled or TransactionState.Expired => ApiResponse.Error(ReturnCodes.CancelledOrExpired),
            TransactionState.Failed => ApiResponse.Error(ReturnCodes.PaymentFailed),
            TransactionState.Authorized => ApiResponse.Error(settings.AuthorizedCheckReturnCode),
            _ => ApiResponse.Error(ReturnCodes.PaymentCompleted)
        };
        return Task.FromResult(response);
    }
}
