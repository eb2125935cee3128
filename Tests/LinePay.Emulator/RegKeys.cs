using LinePay.Emulator.Transactions;

namespace LinePay.Emulator;

/// <summary>
/// The regKeys the emulator issued, and what happens to them at LINE Pay outside the API: the customer removes the
/// payment method, LINE Pay expires a key (the card expired). None of these is an API call, so the call journal does
/// not list them. A key that does not exist, or whose state does not allow the change, throws
/// <see cref="RegKeyRefusedException"/>.
/// </summary>
public sealed class RegKeys(TransactionStore store)
{
    /// <summary>Every regKey remembered, oldest first (a key is forgotten with the transaction that issued it)</summary>
    public IReadOnlyList<RegKeySnapshot> All() => store.AllRegKeys();

    public RegKeySnapshot? Find(string regKey) => store.FindRegKey(regKey);

    /// <summary>
    /// The customer removed the payment method (card) in LINE Pay: Pay Preapproved and Check regKey then answer 1141
    /// and the shop needs a new key; Expire regKey answers <see cref="EmulatorSettings.RemovedRegKeyExpireReturnCode"/>
    /// </summary>
    public RegKeySnapshot Remove(string regKey) => Change(regKey, key =>
    {
        RequireUsable(key, "removed");
        key.State = RegKeyState.Removed;
    });

    /// <summary>
    /// LINE Pay expired the key by itself, not through the Expire regKey API (e.g. the card expired): Pay
    /// Preapproved, Check regKey and Expire regKey then answer 1193
    /// </summary>
    public RegKeySnapshot Expire(string regKey) => Change(regKey, key =>
    {
        RequireUsable(key, "expired");
        key.State = RegKeyState.Expired;
    });

    private RegKeySnapshot Change(string regKey, Action<PreapprovedKey> change)
    {
        var key = store.GetRegKey(regKey)
            ?? throw new RegKeyRefusedException($"regKey {regKey} does not exist.", null);
        lock (key.Sync)
        {
            change(key);
            return key.Snapshot();
        }
    }

    private static void RequireUsable(PreapprovedKey key, string change)
    {
        if (key.State != RegKeyState.Usable)
            throw new RegKeyRefusedException($"regKey {key.RegKey} is {key.State.ToString().ToLowerInvariant()}; only a "
                + $"usable key can be {change}.", key.Snapshot());
    }
}
