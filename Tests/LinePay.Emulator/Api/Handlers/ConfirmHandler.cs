using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/{transactionId}/confirm: completes a payment the customer approved, with the requested amount and
/// currency; authorizes only when the request said capture=false; issues a regKey for PREAPPROVED
/// </summary>
internal sealed class ConfirmHandler(
    EmulatorSettings settings,
    TransactionStore store,
    TransactionGate gate,
    IdentifierGenerator identifiers,
    AmountReader amounts) : IApiHandler
{
    public LinePayEndpoint Endpoint => LinePayEndpoint.Confirm;

    public Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var transaction = gate.Find(call.PathIdentifier);
        var body = JsonBody.ParseObject(call.Body);
        var currency = JsonBody.RequiredString(body, "currency", 3);
        var amount = amounts.Required(body, "amount", currency);

        return gate.RunAsync(transaction, (t, _) => Check(t, amount, currency), (t, now) => Apply(t, now, call.ApiVersion));
    }

    private void Check(EmulatorTransaction transaction, decimal amount, string currency)
    {
        if (transaction.IsConfirmed)
            throw new ApiError(settings.SecondConfirmReturnCode);

        switch (transaction.State)
        {
            case TransactionState.Reserved:
                throw new ApiError(ReturnCodes.NotApprovedByUser);
            case TransactionState.Expired:
                throw new ApiError(ReturnCodes.PaymentExpired);
            case TransactionState.Cancelled or TransactionState.Failed:
                throw new ApiError(ReturnCodes.InvalidState);
        }

        if (amount != transaction.Amount || currency != transaction.Currency)
            throw new ApiError(ReturnCodes.AmountDiffers);
    }

    private ApiResponse Apply(EmulatorTransaction transaction, DateTimeOffset now, int apiVersion)
    {
        transaction.ConfirmedAt = now;
        transaction.ConfirmCount++;
        if (transaction.Capture)
        {
            transaction.State = TransactionState.Captured;
            transaction.CapturedAt = now;
            transaction.CapturedAmount = transaction.Amount;
        }
        else
        {
            transaction.State = TransactionState.Authorized;
            transaction.AuthorizationExpiresAt = now + settings.AuthorizationLifetime;
        }

        var info = new JsonObject
        {
            ["orderId"] = transaction.OrderId,
            ["payInfo"] = PaymentInfo.PayInfo(settings.PayMethod, transaction.Amount + settings.ConfirmPayInfoDifference),
            ["packages"] = Packages(transaction)
        };
        if (!settings.ConfirmAnswerOmitsTransactionId)
            info["transactionId"] = transaction.TransactionId;
        if (transaction.AuthorizationExpiresAt is { } expires)
            info["authorizationExpireDate"] = JsonValues.Date(expires);
        if (transaction.Preapproved)
        {
            var key = new PreapprovedKey(identifiers.NextRegKey(), transaction.TransactionId, transaction.Currency, now);
            store.AddRegKey(key);
            transaction.RegKey = key.RegKey;
            info["regKey"] = key.RegKey;
        }

        PaymentInfo.AddProvider(info, apiVersion);
        return ApiResponse.Ok("OK", info);
    }

    private static JsonArray Packages(EmulatorTransaction transaction) =>
        new(transaction.Packages.EnumerateArray()
            .Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.GetProperty("id").GetString(),
                ["amount"] = JsonNode.Parse(p.GetProperty("amount").GetRawText())
            })
            .ToArray());
}
