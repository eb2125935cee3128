using Nop.Plugin.Payments.LinePay.Benchmarks.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// Client and floor durations measured in pairs, kept apart by which of the two went first so that an order effect
/// (a warm connection, a cache the first call filled) shows as a difference between the two ratios
/// </summary>
public sealed class PairedLatencies
{
    public Latencies Client { get; } = new();

    public Latencies Floor { get; } = new();

    public Latencies ClientWhenFirst { get; } = new();

    public Latencies FloorWhenSecond { get; } = new();

    public Latencies ClientWhenSecond { get; } = new();

    public Latencies FloorWhenFirst { get; } = new();

    public void Add(TimeSpan client, TimeSpan floor, bool clientFirst)
    {
        Client.Add(client);
        Floor.Add(floor);
        (clientFirst ? ClientWhenFirst : ClientWhenSecond).Add(client);
        (clientFirst ? FloorWhenSecond : FloorWhenFirst).Add(floor);
    }

    public double RatioOfMedians => Client.Median / Floor.Median;

    public double RatioWhenClientFirst => ClientWhenFirst.Median / FloorWhenSecond.Median;

    public double RatioWhenFloorFirst => ClientWhenSecond.Median / FloorWhenFirst.Median;
}
