using System.Text.Json;
using System.Text.Json.Nodes;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api.Handlers;

/// <summary>
/// POST /v3/payments/preapprovedPay/{regKey}/payment: charges (or authorizes) the customer with a regKey, without
/// the customer. A key that can no longer pay answers its state's code (1141, 1193); a second payment with the key
/// while one is in flight answers 1197.
/// </summary>
internal sealed class PayPreapprovedHandler(
    EmulatorSettings settings,
    TransactionStore store,
    IdentifierGenerator identifiers,
    AmountReader amounts,
    TimeProvider clock) : IApiHandler
{
    private static readonly JsonElement NoPackages = JsonDocument.Parse("[]").RootElement.Clone();

    public LinePayEndpoint Endpoint => LinePayEndpoint.PayPreapproved;

    public async Task<ApiResponse> HandleAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var key = store.GetRegKey(call.PathIdentifier) ?? throw new ApiError(ReturnCodes.RegKeyNotFound);
        var body = JsonBody.ParseObject(call.Body);
        var productName = JsonBody.RequiredString(body, "productName", 4000);
        var currency = JsonBody.RequiredString(body, "currency", 3);
        var amount = amounts.Required(body, "amount", currency);
        var orderId = JsonBody.RequiredString(body, "orderId", 100);
        var capture = JsonBody.OptionalBoolean(body, "capture") ?? true;
        if (currency != key.Currency)
            throw new ApiError(ReturnCodes.CurrencyNotSupported);
        if (amount <= 0)
            throw new ApiError(ReturnCodes.AmountTooLow);

        lock (key.Sync)
        {
            UnusableRegKey.ThrowUnlessUsable(key, settings);
            if (key.InFlight)
                throw new ApiError(ReturnCodes.RegKeyInUse);
            key.InFlight = true;
        }

        try
        {
            if (settings.ProcessingTime > TimeSpan.Zero)
                await Task.Delay(settings.ProcessingTime, CancellationToken.None);

            return Pay(key, productName, amount, currency, orderId, capture, call.ApiVersion);
        }
        finally
        {
            lock (key.Sync)
                key.InFlight = false;
        }
    }

    private ApiResponse Pay(PreapprovedKey key, string productName, decimal amount, string currency, string orderId,
        bool capture, int apiVersion)
    {
        var now = clock.GetUtcNow();
        var transaction = new EmulatorTransaction
        {
            TransactionId = identifiers.NextTransactionId(),
            OrderId = orderId,
            Amount = amount,
            Currency = currency,
            Capture = capture,
            Preapproved = true,
            ProductName = productName,
            Packages = NoPackages,
            CreatedAt = now,
            PaymentUrlExpiresAt = now,
            ConfirmUrlType = "NONE",
            State = capture ? TransactionState.Captured : TransactionState.Authorized,
            ConfirmedAt = now,
            CapturedAt = capture ? now : null,
            CapturedAmount = capture ? amount : 0,
            AuthorizationExpiresAt = capture ? null : now + settings.AuthorizationLifetime,
            RegKey = key.RegKey
        };
        store.Add(transaction, settings.OrderIdReuse);
        lock (key.Sync)
            key.PaymentCount++;

        var info = new JsonObject
        {
            ["transactionId"] = transaction.TransactionId,
            ["transactionDate"] = JsonValues.Date(now),
            ["orderId"] = orderId
        };
        if (transaction.AuthorizationExpiresAt is { } expires)
            info["authorizationExpireDate"] = JsonValues.Date(expires);
        PaymentInfo.AddProvider(info, apiVersion);
        return ApiResponse.Ok("OK", info);
    }
}
