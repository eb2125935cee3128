using System.Collections.Concurrent;
using LinePay.Emulator.Api;

namespace LinePay.Emulator.Transactions;

/// <summary>
/// All transactions and regKeys of the emulator, in memory. Tests read snapshots; the API handlers change records
/// under each record's lock.
/// </summary>
public sealed class TransactionStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, EmulatorTransaction> _byId = new();
    private readonly ConcurrentDictionary<string, EmulatorTransaction> _byReserveToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _refundToTransaction = new();
    private readonly ConcurrentDictionary<string, PreapprovedKey> _regKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EmulatorTransaction>> _byOrderId = new(StringComparer.Ordinal);

    public TransactionSnapshot? Find(long transactionId) =>
        _byId.TryGetValue(transactionId, out var transaction) ? Read(transaction) : null;

    public IReadOnlyList<TransactionSnapshot> FindByOrderId(string orderId)
    {
        lock (_byOrderId)
            return _byOrderId.TryGetValue(orderId, out var list) ? list.Select(Read).ToArray() : [];
    }

    public IReadOnlyList<TransactionSnapshot> All() =>
        _byId.Values.OrderBy(t => t.CreatedAt).ThenBy(t => t.TransactionId).Select(Read).ToArray();

    public RegKeySnapshot? FindRegKey(string regKey)
    {
        if (!_regKeys.TryGetValue(regKey, out var key))
            return null;

        lock (key.Sync)
            return key.Snapshot();
    }

    /// <summary>Adds a transaction unless its orderId may not be reused (1172)</summary>
    internal void Add(EmulatorTransaction transaction, OrderIdReusePolicy reusePolicy)
    {
        lock (_byOrderId)
        {
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
        }
    }

    internal EmulatorTransaction? Get(long transactionId) => _byId.GetValueOrDefault(transactionId);

    internal EmulatorTransaction? GetByReserveToken(string token) => _byReserveToken.GetValueOrDefault(token);

    internal IEnumerable<EmulatorTransaction> GetByOrderId(string orderId)
    {
        lock (_byOrderId)
            return _byOrderId.TryGetValue(orderId, out var list) ? list.ToArray() : [];
    }

    internal void AddRefund(long refundTransactionId, long transactionId) =>
        _refundToTransaction[refundTransactionId] = transactionId;

    internal EmulatorTransaction? GetByRefundId(long refundTransactionId) =>
        _refundToTransaction.TryGetValue(refundTransactionId, out var id) ? Get(id) : null;

    internal void AddRegKey(PreapprovedKey key) => _regKeys[key.RegKey] = key;

    internal PreapprovedKey? GetRegKey(string regKey) => _regKeys.GetValueOrDefault(regKey);

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
