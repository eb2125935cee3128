using System.Text.Json.Serialization;

namespace LinePay.Emulator.Transactions;

/// <summary>
/// A preapproved payment key as it is at the moment it was read
/// </summary>
/// <param name="TransactionId">the PREAPPROVED transaction whose Confirm issued the key</param>
/// <param name="PaymentCount">payments made with the key</param>
public sealed record RegKeySnapshot(
    string RegKey,
    long TransactionId,
    string Currency,
    RegKeyState State,
    bool InFlight,
    int PaymentCount,
    DateTimeOffset IssuedAt)
{
    /// <summary>Expired through the Expire regKey API or by LINE Pay (1193)</summary>
    [JsonIgnore]
    public bool Expired => State == RegKeyState.Expired;

    /// <summary>Pay Preapproved and Check regKey accept it</summary>
    [JsonIgnore]
    public bool Usable => State == RegKeyState.Usable;
}
