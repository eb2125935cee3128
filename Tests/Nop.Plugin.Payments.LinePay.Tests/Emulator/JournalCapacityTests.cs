using LinePay.Emulator.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// The call journal keeps the latest calls only, so that a long run stays in bounded memory
/// </summary>
public class JournalCapacityTests : EmulatorTest
{
    private const long FirstId = 2023042201206549310;

    [Test]
    public async Task TheOldestCallsAreDroppedAndTheNewestKept()
    {
        Emulator.Settings.JournalCapacity = 3;

        for (var i = 0; i < 5; i++)
            await Api.CheckAsync(FirstId + i);

        var calls = Emulator.Journal.Calls;
        Assert.That(calls.Select(c => c.TransactionId), Is.EqualTo(new long?[] { FirstId + 2, FirstId + 3, FirstId + 4 }));
        Assert.That(calls.Select(c => c.Endpoint), Is.All.EqualTo(LinePayEndpoint.Check));
    }

    [Test]
    public async Task ALowerCapacityTakesEffectAtTheNextCall()
    {
        for (var i = 0; i < 4; i++)
            await Api.CheckAsync(FirstId + i);
        Assert.That(Emulator.Journal.Calls, Has.Count.EqualTo(4));

        Emulator.Settings.JournalCapacity = 2;
        await Api.CheckAsync(FirstId + 4);

        Assert.That(Emulator.Journal.Calls.Select(c => c.TransactionId), Is.EqualTo(new long?[] { FirstId + 3, FirstId + 4 }));
    }
}
