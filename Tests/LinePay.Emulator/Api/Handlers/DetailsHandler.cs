using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// GET /v3/payments?transactionId=..&amp;orderId=..: the confirmed payments (and refunds) matching any of the ids, as
/// info[] with payInfo, refundList (negative refundAmount) and payStatus
/// </summary>
internal sealed class DetailsHandler(EmulatorSettings settings, TransactionStore store, TimeProvider clock) : IApiHandler
{
    private const int MaximumResults = 100;

    public LinePayEndpoint Endpoint => LinePayEndpoint.Details;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transactionIds = Values(call.Query, "transactionId")
            .Select(v => long.TryParse(v, out var id)
                ? id
                : throw new ApiError(ReturnCodes.ParameterError, "transactionId must be a number."))
            .ToArray();
        var orderIds = Values(call.Query, "orderId").ToArray();
        if (transactionIds.Length == 0 && orderIds.Length == 0)
            throw new ApiError(ReturnCodes.ParameterError, "transactionId or orderId is required.");

        var entries = new List<JsonNode>();
        var seen = new HashSet<long>();
        foreach (var id in transactionIds)
        {
            if (store.Get(id) is { } transaction)
                AddPayment(entries, seen, transaction, call.ApiVersion);
            else if (store.GetByRefundId(id) is { } refunded)
                AddRefund(entries, refunded, id);
        }

        foreach (var transaction in orderIds.SelectMany(store.GetByOrderId))
            AddPayment(entries, seen, transaction, call.ApiVersion);

        if (entries.Count > MaximumResults)
            throw new ApiError(ReturnCodes.TooManyTransactions);
        if (entries.Count == 0)
            throw new ApiError(ReturnCodes.NoTransaction);

        return Task.FromResult(ApiResponse.Ok("success", new JsonArray(entries.ToArray())));
    }

    private IEnumerable<string> Values(IQueryCollection query, string key)
    {
        var values = query[key].AsEnumerable();
        if (settings.AcceptBracketedDetailsKeys)
            values = values.Concat(query[key + "[]"]);

        return values.Where(v => !string.IsNullOrEmpty(v))!;
    }

    private void AddPayment(List<JsonNode> entries, HashSet<long> seen, EmulatorTransaction transaction, int apiVersion)
    {
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            if (!transaction.IsConfirmed || !seen.Add(transaction.TransactionId))
                return;

            var info = new JsonObject
            {
                ["transactionId"] = transaction.TransactionId,
                ["transactionDate"] = JsonValues.Date(transaction.ConfirmedAt!.Value),
                ["transactionType"] = "PAYMENT",
                ["payStatus"] = PayStatus(transaction.State),
                ["productName"] = transaction.ProductName,
                ["merchantName"] = settings.MerchantName,
                ["currency"] = transaction.Currency,
                ["orderId"] = transaction.OrderId,
                ["payInfo"] = PaymentInfo.PayInfo(settings.PayMethod,
                    transaction.CapturedAt is null ? transaction.Amount : transaction.CapturedAmount)
            };
            if (transaction.AuthorizationExpiresAt is { } expires)
                info["authorizationExpireDate"] = JsonValues.Date(expires);
            if (transaction.Refunds.Count > 0)
                info["refundList"] = new JsonArray(transaction.Refunds.Select(r => (JsonNode)new JsonObject
                {
                    ["refundTransactionId"] = r.RefundTransactionId,
                    ["transactionType"] = r.TransactionType,
                    ["refundAmount"] = JsonValues.Amount(-r.Amount),
                    ["refundTransactionDate"] = JsonValues.Date(r.Date)
                }).ToArray());
            if (transaction.Packages.GetArrayLength() > 0)
                info["packages"] = JsonNode.Parse(transaction.Packages.GetRawText());

            PaymentInfo.AddProvider(info, apiVersion);
            entries.Add(info);
        }
    }

    private void AddRefund(List<JsonNode> entries, EmulatorTransaction transaction, long refundTransactionId)
    {
        lock (transaction.Sync)
        {
            var refund = transaction.Refunds.Single(r => r.RefundTransactionId == refundTransactionId);
            entries.Add(new JsonObject
            {
                ["transactionId"] = refund.RefundTransactionId,
                ["originalTransactionId"] = transaction.TransactionId,
                ["transactionDate"] = JsonValues.Date(refund.Date),
                ["transactionType"] = refund.TransactionType,
                ["productName"] = transaction.ProductName,
                ["merchantName"] = settings.MerchantName,
                ["currency"] = transaction.Currency,
                ["orderId"] = transaction.OrderId,
                ["payInfo"] = PaymentInfo.PayInfo(settings.PayMethod, -refund.Amount)
            });
        }
    }

    private static string PayStatus(TransactionState state) => state switch
    {
        TransactionState.Authorized => "AUTHORIZATION",
        TransactionState.Voided => "VOIDED_AUTHORIZATION",
        TransactionState.AuthorizationExpired => "EXPIRED_AUTHORIZATION",
        _ => "CAPTURE"
    };
}
