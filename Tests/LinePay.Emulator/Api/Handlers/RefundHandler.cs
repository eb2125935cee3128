using System.Text.Json.Nodes;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/{transactionId}/refund: refunds a captured payment in full (no refundAmount) or in part,
/// repeatedly until nothing remains
/// </summary>
internal sealed class RefundHandler(TransactionGate gate, RefundAction refunds, AmountReader amounts) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Refund;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        var body = JsonBody.ParseOptionalObject(call.Body);
        var requested = amounts.Optional(body, "refundAmount", transaction.Currency);

        return gate.RunAsync(transaction, (t, now) => refunds.Check(t, now, requested), (t, now) =>
        {
            var refund = refunds.Apply(t, now, requested);
            var info = new JsonObject
            {
                ["refundTransactionId"] = refund.RefundTransactionId,
                ["refundTransactionDate"] = JsonValues.Date(now)
            };
            return ApiResponse.Ok("success", info);
        });
    }
}
