using LinePay.Emulator.Api;

namespace LinePay.Emulator.Faults;

/// <summary>
/// Faults queued per endpoint. Each queued fault applies to the next <c>times</c> calls of its endpoint, then the next
/// queued fault does; taking one is atomic, so under concurrency each application goes to exactly one call.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _sync = new();
    private readonly List<PendingFault> _pending = [];

    public void Next(LinePayEndpoint endpoint, Fault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);

        lock (_sync)
            _pending.Add(new PendingFault(endpoint, fault, times));
    }

    public IReadOnlyList<PendingFault> Pending
    {
        get
        {
            lock (_sync)
                return _pending.ToArray();
        }
    }

    public void Clear()
    {
        lock (_sync)
            _pending.Clear();
    }

    internal Fault? TryTake(LinePayEndpoint endpoint)
    {
        lock (_sync)
        {
            var index = _pending.FindIndex(p => p.Endpoint == endpoint);
            if (index < 0)
                return null;

            var pending = _pending[index];
            if (pending.RemainingCalls == 1)
                _pending.RemoveAt(index);
            else
                _pending[index] = pending with { RemainingCalls = pending.RemainingCalls - 1 };

            return pending.Fault;
        }
    }
}
