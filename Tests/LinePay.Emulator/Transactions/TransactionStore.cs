using System.Collections.Concurrent;
using LinePay.Emulator.Api;

namespace LinePay.Emulator.Transactions;

/// <summary>
/// The transactions and regKeys of the emulator, in memory. Tests read snapshots; the API handlers change records
/// under each record's lock. Beyond <see cref="EmulatorSettings.TransactionCapacity"/> transactions, or older than
/// <see cref="EmulatorSettings.TransactionRetention"/>, the oldest are forgotten with their refund ids and regKey, so
/// that long runs stay in bounded memory; a forgotten transaction is unknown (1150), as LINE Pay past its history.
/// </summary>
public sealed class TransactionStore(EmulatorSettings settings, TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, EmulatorTransaction> _byId = new();
    private readonly ConcurrentDictionary<string, EmulatorTransaction> _byReserveToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _refundToTransaction = new();
    private readonly ConcurrentDictionary<string, PreapprovedKey> _regKeys = new(StringComparer.Ordinal);

    // _sync guards the orderId index and the arrival queue; it is taken before a transaction's lock, never after.
    private readonly object _sync = new();
    private readonly Dictionary<string, List<EmulatorTransaction>> _byOrderId = new(StringComparer.Ordinal);
    private readonly Queue<EmulatorTransaction> _arrivals = new();

    // Copies of the queue's length and of its head's CreatedAt, so that a lookup sees without the lock whether
    // anything is due to be forgotten.
    private int _count;
    private long _oldestCreatedTicks = long.MaxValue;

    /// <summary>How many transactions the emulator remembers</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries in each index, which forgotten transactions must not leave behind</summary>
    public TransactionIndexSizes IndexSizes()
    {
        lock (_sync)
            return new TransactionIndexSizes(_byId.Count, _byReserveToken.Count, _byOrderId.Count, _refundToTransaction.Count,
                _regKeys.Count);
    }

    public TransactionSnapshot? Find(long transactionId) =>
        Get(transactionId) is { } transaction ? Read(transaction) : null;

    public IReadOnlyList<TransactionSnapshot> FindByOrderId(string orderId) => GetByOrderId(orderId).Select(Read).ToArray();

    public IReadOnlyList<TransactionSnapshot> All()
    {
        ForgetOldIfDue();
        return _byId.Values.OrderBy(t => t.CreatedAt).ThenBy(t => t.TransactionId).Select(Read).ToArray();
    }

    public RegKeySnapshot? FindRegKey(string regKey)
    {
        if (GetRegKey(regKey) is not { } key)
            return null;

        lock (key.Sync)
            return key.Snapshot();
    }

    /// <summary>Every regKey remembered, oldest first</summary>
    public IReadOnlyList<RegKeySnapshot> AllRegKeys() =>
        GetRegKeys().Select(key =>
            {
                lock (key.Sync)
                    return key.Snapshot();
            })
            .OrderBy(k => k.IssuedAt).ThenBy(k => k.RegKey, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Adds a transaction unless its orderId may not be reused (1172)</summary>
    internal void Add(EmulatorTransaction transaction, OrderIdReusePolicy reusePolicy)
    {
        lock (_sync)
        {
            // A namesake past the retention no longer stands in the way of the orderId.
            ForgetOld();
            if (_byOrderId.TryGetValue(transaction.OrderId, out var earlier))
            {
                var refused = reusePolicy == OrderIdReusePolicy.Strict || earlier.Any(IsPaidOrPaying);
                if (refused)
                    throw new ApiError(ReturnCodes.OrderIdExists);
            }
            else
            {
                earlier = [];
                _byOrderId[transaction.OrderId] = earlier;
            }

            earlier.Add(transaction);
            _byId[transaction.TransactionId] = transaction;
            if (transaction.ReserveToken is not null)
                _byReserveToken[transaction.ReserveToken] = transaction;
            _arrivals.Enqueue(transaction);
            ForgetOld();
        }
    }

    internal EmulatorTransaction? Get(long transactionId)
    {
        ForgetOldIfDue();
        return _byId.GetValueOrDefault(transactionId);
    }

    internal EmulatorTransaction? GetByReserveToken(string token)
    {
        ForgetOldIfDue();
        return _byReserveToken.GetValueOrDefault(token);
    }

    internal IEnumerable<EmulatorTransaction> GetByOrderId(string orderId)
    {
        ForgetOldIfDue();
        lock (_sync)
            return _byOrderId.TryGetValue(orderId, out var list) ? list.ToArray() : [];
    }

    /// <summary>Called under the transaction's lock</summary>
    internal void AddRefund(long refundTransactionId, long transactionId) =>
        _refundToTransaction[refundTransactionId] = transactionId;

    internal EmulatorTransaction? GetByRefundId(long refundTransactionId)
    {
        ForgetOldIfDue();
        return _refundToTransaction.TryGetValue(refundTransactionId, out var id) ? _byId.GetValueOrDefault(id) : null;
    }

    /// <summary>Called under the issuing transaction's lock</summary>
    internal void AddRegKey(PreapprovedKey key) => _regKeys[key.RegKey] = key;

    internal PreapprovedKey? GetRegKey(string regKey)
    {
        ForgetOldIfDue();
        return _regKeys.GetValueOrDefault(regKey);
    }

    internal IReadOnlyList<PreapprovedKey> GetRegKeys()
    {
        ForgetOldIfDue();
        return _regKeys.Values.ToArray();
    }

    private int Capacity => Math.Max(1, settings.TransactionCapacity);

    /// <summary>Transactions created at or before this many UTC ticks are past the retention</summary>
    private long RetentionHorizon => settings.TransactionRetention is { } retention
        ? clock.GetUtcNow().UtcTicks - retention.Ticks
        : long.MinValue;

    private void ForgetOldIfDue()
    {
        if (Volatile.Read(ref _count) > Capacity || Volatile.Read(ref _oldestCreatedTicks) <= RetentionHorizon)
            lock (_sync)
                ForgetOld();
    }

    /// <summary>
    /// Forgets the oldest transactions while there are too many or they are past the retention, and stops at one in
    /// flight (a later call forgets it). Each transaction is forgotten once, so the cost is constant per transaction added.
    /// </summary>
    private void ForgetOld()
    {
        var capacity = Capacity;
        var horizon = RetentionHorizon;
        while (_arrivals.TryPeek(out var oldest)
               && (_arrivals.Count > capacity || oldest.CreatedAt.UtcTicks <= horizon)
               && TryForget(oldest))
            _arrivals.Dequeue();

        Volatile.Write(ref _count, _arrivals.Count);
        Volatile.Write(ref _oldestCreatedTicks, _arrivals.TryPeek(out var next) ? next.CreatedAt.UtcTicks : long.MaxValue);
    }

    private bool TryForget(EmulatorTransaction transaction)
    {
        // Under the transaction's lock, so that no refund or regKey is added to it after its ids were read here.
        lock (transaction.Sync)
        {
            if (transaction.InFlight)
                return false;

            transaction.Forgotten = true;
            foreach (var refund in transaction.Refunds)
                _refundToTransaction.TryRemove(refund.RefundTransactionId, out _);
            if (transaction.RegKey is { } regKey && _regKeys.TryGetValue(regKey, out var key)
                && key.TransactionId == transaction.TransactionId)
                _regKeys.TryRemove(regKey, out _);
        }

        _byId.TryRemove(transaction.TransactionId, out _);
        if (transaction.ReserveToken is not null)
            _byReserveToken.TryRemove(transaction.ReserveToken, out _);
        var namesakes = _byOrderId[transaction.OrderId];
        namesakes.Remove(transaction);
        if (namesakes.Count == 0)
            _byOrderId.Remove(transaction.OrderId);

        return true;
    }

    private bool IsPaidOrPaying(EmulatorTransaction transaction)
    {
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            return transaction.IsConfirmed || transaction.InFlight;
        }
    }

    private TransactionSnapshot Read(EmulatorTransaction transaction)
    {
        lock (transaction.Sync)
        {
            transaction.Refresh(clock.GetUtcNow());
            return transaction.Snapshot();
        }
    }
}
