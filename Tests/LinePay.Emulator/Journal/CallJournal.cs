using LinePay.Emulator.Api;

namespace LinePay.Emulator.Journal;

/// <summary>
/// Every API call the emulator received, in arrival order; safe to read while calls are being recorded
/// </summary>
public sealed class CallJournal
{
    private readonly object _sync = new();
    private readonly List<ApiCallRecord> _calls = [];

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
            _calls.Add(call);
    }
}
