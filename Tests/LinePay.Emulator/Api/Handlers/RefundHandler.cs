using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/{transactionId}/refund: refunds a captured payment in full (no refundAmount) or in part,
/// repeatedly until nothing remains
/// </summary>
internal sealed class RefundHandler(
    EmulatorSettings settings,
    TransactionStore store,
    TransactionGate gate,
    IdentifierGenerator identifiers,
    AmountReader amounts) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Refund;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        var body = JsonBody.ParseOptionalObject(call.Body);
        var requested = amounts.Optional(body, "refundAmount", transaction.Currency);

        return gate.RunAsync(transaction, (t, now) => Check(t, now, requested), (t, now) =>
        {
            var remaining = t.CapturedAmount - t.RefundedAmount;
            var amount = requested ?? remaining;
            var type = t.Refunds.Count == 0 && amount == t.CapturedAmount ? "PAYMENT_REFUND" : "PARTIAL_REFUND";
            var refund = new RefundRecord(identifiers.NextTransactionId(), amount, now, type);
            t.Refunds.Add(refund);
            store.AddRefund(refund.RefundTransactionId, t.TransactionId);
            if (amount == remaining)
                t.State = TransactionState.Refunded;

            var info = new JsonObject
            {
                ["refundTransactionId"] = refund.RefundTransactionId,
                ["refundTransactionDate"] = JsonValues.Date(now)
            };
            return ApiResponse.Ok("success", info);
        });
    }

    private void Check(EmulatorTransaction transaction, DateTimeOffset now, decimal? requested)
    {
        switch (transaction.State)
        {
            case TransactionState.Captured:
                break;
            case TransactionState.Refunded:
                throw new ApiError(ReturnCodes.AlreadyRefunded);
            case TransactionState.Authorized:
                throw new ApiError(ReturnCodes.NotRefundable);
            default:
                throw new ApiError(ReturnCodes.InvalidState);
        }

        if (now > transaction.CapturedAt + settings.RefundWindow)
            throw new ApiError(ReturnCodes.RefundPeriodExpired);
        if (requested <= 0)
            throw new ApiError(ReturnCodes.AmountTooLow);
        if (requested > transaction.CapturedAmount - transaction.RefundedAmount)
            throw new ApiError(ReturnCodes.ExceedsRefundable);
    }
}
