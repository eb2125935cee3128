namespace LinePay.Emulator;

/// <summary>
/// The emulator's time: the system clock plus an offset that tests move forward to reach expiry limits
/// </summary>
public sealed class EmulatorClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");

        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Back to the system time</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
