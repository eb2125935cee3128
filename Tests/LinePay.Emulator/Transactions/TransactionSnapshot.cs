namespace LinePay.Emulator.Transactions;

/// <summary>
/// A transaction as it is at the moment it was read
/// </summary>
public sealed record TransactionSnapshot(
    long TransactionId,
    string OrderId,
    TransactionState State,
    decimal Amount,
    string Currency,
    bool Capture,
    bool Preapproved,
    string ConfirmUrlType,
    Uri? PaymentUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset PaymentUrlExpiresAt,
    DateTimeOffset? ConfirmedAt,
    DateTimeOffset? AuthorizationExpiresAt,
    decimal CapturedAmount,
    decimal RefundedAmount,
    IReadOnlyList<RefundRecord> Refunds,
    string? RegKey,
    bool InFlight,
    int ConfirmCount,
    string PackagesJson);
