namespace Nop.Plugin.Payments.LinePay.Benchmarks.Emulator;

/// <summary>
/// The API calls sent so far and those answered with something else than expected (the first few kept to print)
/// </summary>
public sealed class CallCounter
{
    private const int KeptSurprises = 5;

    private readonly List<string> _surprises = [];
    private long _calls;
    private long _unexpected;

    public long Calls => Interlocked.Read(ref _calls);

    public long Unexpected => Interlocked.Read(ref _unexpected);

    public IReadOnlyList<string> FirstSurprises
    {
        get
        {
            lock (_surprises)
                return _surprises.ToArray();
        }
    }

    /// <param name="surprise">null when the answer was the expected one, otherwise what was answered</param>
    /// <returns>whether the answer was the expected one</returns>
    public bool Count(string surprise)
    {
        Interlocked.Increment(ref _calls);
        if (surprise is null)
            return true;

        Interlocked.Increment(ref _unexpected);
        lock (_surprises)
            if (_surprises.Count < KeptSurprises)
                _surprises.Add(surprise);

        return false;
    }
}
