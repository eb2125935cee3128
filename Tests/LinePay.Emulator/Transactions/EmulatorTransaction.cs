using System.Text.Json;

namespace LinePay.Emulator.Transactions;

/// <summary>
/// The emulator's record of one transaction. Every read or change happens under <see cref="Sync"/>.
/// </summary>
internal sealed class EmulatorTransaction
{
    public object Sync { get; } = new();

    public required long TransactionId { get; init; }

    public required string OrderId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public required bool Capture { get; init; }

    public required bool Preapproved { get; init; }

    public required string ProductName { get; init; }

    /// <summary>packages[] as the Request sent them (empty for a preapproved payment)</summary>
    public required JsonElement Packages { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset PaymentUrlExpiresAt { get; init; }

    public string ConfirmUrlType { get; init; } = "CLIENT";

    public string? ConfirmUrl { get; init; }

    public string? CancelUrl { get; init; }

    public string? ReserveToken { get; init; }

    public string? PaymentAccessToken { get; init; }

    public Uri? PaymentUrl { get; init; }

    public TransactionState State { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? AuthorizationExpiresAt { get; set; }

    public DateTimeOffset? CapturedAt { get; set; }

    public decimal CapturedAmount { get; set; }

    public List<RefundRecord> Refunds { get; } = [];

    public decimal RefundedAmount => Refunds.Sum(r => r.Amount);

    public string? RegKey { get; set; }

    /// <summary>A state-changing call is being processed; concurrent ones answer 1198</summary>
    public bool InFlight { get; set; }

    public int ConfirmCount { get; set; }

    /// <summary>Dropped from the store (too old or too many); a call that still holds it answers 1150</summary>
    public bool Forgotten { get; set; }

    /// <summary>True once Confirm succeeded, whatever happened after</summary>
    public bool IsConfirmed => State is TransactionState.Authorized or TransactionState.Captured
        or TransactionState.Refunded or TransactionState.Voided or TransactionState.AuthorizationExpired;

    /// <summary>Applies the time limits: an unconfirmed reservation and an uncaptured authorization expire</summary>
    public void Refresh(DateTimeOffset now)
    {
        if (State is TransactionState.Reserved or TransactionState.Authenticated && now >= PaymentUrlExpiresAt)
            State = TransactionState.Expired;
        else if (State == TransactionState.Authorized && now >= AuthorizationExpiresAt)
            State = TransactionState.AuthorizationExpired;
    }

    public TransactionSnapshot Snapshot() => new(TransactionId, OrderId, State, Amount, Currency, Capture, Preapproved,
        ConfirmUrlType, PaymentUrl, CreatedAt, PaymentUrlExpiresAt, ConfirmedAt, AuthorizationExpiresAt,
        CapturedAmount, RefundedAmount, Refunds.ToArray(), RegKey, InFlight, ConfirmCount, Packages.GetRawText());
}
