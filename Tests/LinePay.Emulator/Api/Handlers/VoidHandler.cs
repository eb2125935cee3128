using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/authorizations/{transactionId}/void: cancels an authorization that was not captured
/// </summary>
internal sealed class VoidHandler(TransactionGate gate) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Void;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        JsonBody.ParseOptionalObject(call.Body);

        return gate.RunAsync(transaction, (t, _) => Check(t), (t, _) =>
        {
            t.State = TransactionState.Voided;
            return ApiResponse.Ok("OK");
        });
    }

    private static void Check(EmulatorTransaction transaction)
    {
        switch (transaction.State)
        {
            case TransactionState.Authorized:
                return;
            // An authorization that expired was voided by LINE Pay already.
            case TransactionState.Voided or TransactionState.AuthorizationExpired:
                throw new ApiError(ReturnCodes.AlreadyRefunded);
            default:
                throw new ApiError(ReturnCodes.InvalidState);
        }
    }
}
