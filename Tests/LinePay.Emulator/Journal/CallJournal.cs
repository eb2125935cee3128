using LinePay.Emulator.Api;

namespace LinePay.Emulator.Journal;

/// <summary>
/// The latest API calls the emulator received, in arrival order, at most <see cref="EmulatorSettings.JournalCapacity"/>
/// of them (the oldest go first); safe to read while calls are being recorded
/// </summary>
public sealed class CallJournal(EmulatorSettings settings)
{
    private readonly object _sync = new();
    private readonly Queue<ApiCallRecord> _calls = new();

    public IReadOnlyList<ApiCallRecord> Calls
    {
        get
        {
            lock (_sync)
                return _calls.ToArray();
        }
    }

    public IReadOnlyList<ApiCallRecord> For(LinePayEndpoint endpoint) =>
        Calls.Where(c => c.Endpoint == endpoint).ToArray();

    public IReadOnlyList<ApiCallRecord> For(LinePayEndpoint endpoint, long transactionId) =>
        Calls.Where(c => c.Endpoint == endpoint && c.TransactionId == transactionId).ToArray();

    public int Count(LinePayEndpoint endpoint) => For(endpoint).Count;

    public void Clear()
    {
        lock (_sync)
            _calls.Clear();
    }

    internal void Record(ApiCallRecord call)
    {
        lock (_sync)
        {
            _calls.Enqueue(call);
            while (_calls.Count > settings.JournalCapacity)
                _calls.Dequeue();
        }
    }
}
