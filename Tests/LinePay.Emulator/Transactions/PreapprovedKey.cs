namespace LinePay.Emulator.Transactions;

/// <summary>
/// A regKey issued by the Confirm of a PREAPPROVED request; guarded by its own lock
/// </summary>
internal sealed class PreapprovedKey(string regKey, long transactionId, string currency)
{
    public object Sync { get; } = new();

    public string RegKey { get; } = regKey;

    public long TransactionId { get; } = transactionId;

    public string Currency { get; } = currency;

    public bool Expired { get; set; }

    public bool InFlight { get; set; }

    public int PaymentCount { get; set; }

    public RegKeySnapshot Snapshot() => new(RegKey, TransactionId, Currency, Expired, InFlight, PaymentCount);
}
