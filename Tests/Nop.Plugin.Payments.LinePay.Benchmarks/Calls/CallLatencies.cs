using Nop.Plugin.Payments.LinePay.Benchmarks.Support;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Calls;

/// <summary>
/// Durations of the client, the floor and the signed floor measured side by side, one of each per round
/// </summary>
public sealed class CallLatencies
{
    public Latencies Client { get; } = new();

    public Latencies Floor { get; } = new();

    public Latencies Signed { get; } = new();

    public void Add(TimeSpan client, TimeSpan floor, TimeSpan signed)
    {
        Client.Add(client);
        Floor.Add(floor);
        Signed.Add(signed);
    }
}
