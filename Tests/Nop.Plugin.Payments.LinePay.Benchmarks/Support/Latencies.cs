using System.Diagnostics;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Support;

/// <summary>
/// Durations of a timed run, safe to add to from several threads; percentiles by nearest rank
/// </summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count
    {
        get
        {
            lock (_milliseconds)
                return _milliseconds.Count;
        }
    }

    public void Add(TimeSpan duration)
    {
        lock (_milliseconds)
            _milliseconds.Add(duration.TotalMilliseconds);
    }

    public void Add(long startTimestamp) => Add(Stopwatch.GetElapsedTime(startTimestamp));

    public double Median => Percentile(50);

    /// <summary>The smallest duration that at least <paramref name="percent"/> % of the durations do not exceed</summary>
    public double Percentile(double percent)
    {
        double[] sorted;
        lock (_milliseconds)
            sorted = _milliseconds.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The median of this[i] / other[i] for durations recorded side by side</summary>
    public double MedianRatioTo(Latencies other)
    {
        double[] mine, theirs;
        lock (_milliseconds)
            mine = _milliseconds.ToArray();
        lock (other._milliseconds)
            theirs = other._milliseconds.ToArray();

        var ratios = mine.Zip(theirs, (a, b) => a / b).Order().ToArray();
        return ratios.Length == 0 ? double.NaN : ratios[(ratios.Length - 1) / 2];
    }
}
