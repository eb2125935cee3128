namespace LinePay.Emulator.Transactions;

/// <summary>
/// A preapproved payment key as it is at the moment it was read
/// </summary>
public sealed record RegKeySnapshot(
    string RegKey,
    long TransactionId,
    string Currency,
    bool Expired,
    bool InFlight,
    int PaymentCount);
