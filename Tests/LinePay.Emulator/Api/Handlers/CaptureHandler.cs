using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/authorizations/{transactionId}/capture: captures all or part of an authorization (the rest is
/// released); never more than authorized (1184), never after the authorization expired (1180)
/// </summary>
internal sealed class CaptureHandler(
    EmulatorSettings settings,
    TransactionGate gate,
    IdentifierGenerator identifiers,
    AmountReader amounts) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Capture;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        var body = JsonBody.ParseObject(call.Body);
        var currency = JsonBody.RequiredString(body, "currency", 3);
        var amount = amounts.Required(body, "amount", currency);

        return gate.RunAsync(transaction, (t, _) => Check(t, amount, currency), (t, now) =>
        {
            t.State = TransactionState.Captured;
            t.CapturedAt = now;
            t.CapturedAmount = amount;

            var info = new JsonObject
            {
                ["transactionId"] = settings.CaptureIssuesNewTransactionId
                    ? identifiers.NextTransactionId()
                    : t.TransactionId,
                ["orderId"] = t.OrderId,
                ["payInfo"] = PaymentInfo.PayInfo(settings.PayMethod, amount)
            };
            PaymentInfo.AddProvider(info, call.ApiVersion);
            return ApiResponse.Ok("OK", info);
        });
    }

    private static void Check(EmulatorTransaction transaction, decimal amount, string currency)
    {
        if (transaction.State == TransactionState.AuthorizationExpired)
            throw new ApiError(ReturnCodes.PaymentExpired);
        if (transaction.State != TransactionState.Authorized)
            throw new ApiError(ReturnCodes.InvalidState);
        if (currency != transaction.Currency)
            throw new ApiError(ReturnCodes.AmountDiffers);
        if (amount <= 0)
            throw new ApiError(ReturnCodes.AmountTooLow);
        if (amount > transaction.Amount)
            throw new ApiError(ReturnCodes.AmountTooHigh);
    }
}
