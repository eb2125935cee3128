namespace LinePay.Emulator.Transactions;

/// <summary>
/// A regKey issued by the Confirm of a PREAPPROVED request; every read or change happens under <see cref="Sync"/>
/// </summary>
internal sealed class PreapprovedKey(string regKey, long transactionId, string currency, DateTimeOffset issuedAt)
{
    public object Sync { get; } = new();

    public string RegKey { get; } = regKey;

    /// <summary>The PREAPPROVED transaction whose Confirm issued the key</summary>
    public long TransactionId { get; } = transactionId;

    /// <summary>The only currency the key pays in</summary>
    public string Currency { get; } = currency;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public RegKeyState State { get; set; }

    /// <summary>A payment with the key is being processed; a concurrent one answers 1197</summary>
    public bool InFlight { get; set; }

    public int PaymentCount { get; set; }

    public RegKeySnapshot Snapshot() => new(RegKey, TransactionId, Currency, State, InFlight, PaymentCount, IssuedAt);
}
