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

        return gate.RunAsync(transaction, (t, _) => VoidAction.Check(t), (t, _) =>
        {
            VoidAction.Apply(t);
            return ApiResponse.Ok("OK");
        });
    }
}
