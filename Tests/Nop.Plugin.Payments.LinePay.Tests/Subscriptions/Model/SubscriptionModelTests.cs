using FsCheck;
using FsCheck.Fluent;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using static Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model.SubscriptionModelAction;

namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// Random interleavings of everything that happens around a subscription paid with LINE Pay (two web servers, the
/// task, the admin, the customer, LINE Pay's faults and expired keys, servers that die, time), each run against the
/// emulator and checked against <see cref="SubscriptionModelInvariants"/>. A failing sequence is shrunk to the shortest
/// one that still fails, and printed with the seed that replays it.
/// </summary>
[TestFixture]
public class SubscriptionModelTests : EmulatorTest
{
    //LINEPAY_MODEL_SEQUENCES runs more (or fewer) sequences; a subscription's sequence costs about five of a payment's
    private static readonly int _sequences =
        int.TryParse(Environment.GetEnvironmentVariable("LINEPAY_MODEL_SEQUENCES"), out var count) ? Math.Max(1, count / 5) : 200;

    private static readonly Gen<SubscriptionModelAction> _actions = Gen.Frequency(
        (6, Gen.Constant(AdminProcessesNextPayment)), (2, Gen.Constant(TwoServersProcessTheSameCycle)), (4, Gen.Constant(TaskRuns)),
        (5, Gen.Constant(TimePasses)), (6, Gen.Constant(LinePayFails)), (1, Gen.Constant(CustomerRemovesTheKey)),
        (1, Gen.Constant(LinePayExpiresTheKey)), (3, Gen.Constant(CustomerPaysTheWaitingOrder)), (1, Gen.Constant(CustomerCancels)),
        (1, Gen.Constant(AdminDeletesTheSubscription)), (1, Gen.Constant(AdminChecksTheKey)), (1, Gen.Constant(AdminRefundsTheLastCycle)),
        (2, Gen.Constant(ServerDiesBeforeTheOrderIsPlaced)));

    private static readonly Gen<SubscriptionModelEvent> _events =
        from action in _actions
        from server in Gen.Choose(0, 1)
        from value in Gen.Choose(0, 100)
        select new SubscriptionModelEvent(action, server, value);

    private static readonly Gen<SubscriptionModelCase> _cases =
        from authorizeOnly in Gen.Elements(false, false, true)
        from cancelAfterFailedPayment in Gen.Elements(false, false, true)
        from length in Gen.Choose(1, 14)
        from events in _events.ListOf(length)
        select new SubscriptionModelCase(authorizeOnly, cancelAfterFailedPayment, events);

    //how the cycle charges of the sequences ended, to see that the sequences reach every corner
    private readonly Dictionary<string, int> _endings = new();

    [Test]
    public void EveryInterleavingChargesEachCycleOnceAndRecordsOrGivesBackWhatLinePayTook()
    {
        var (sequences, events, violations) = (0, 0, 0);
        var property = Prop.ForAll(Arb.From(_cases, Shrink), async (SubscriptionModelCase modelCase) =>
        {
            sequences++;
            events += modelCase.Events.Count;
            var found = await RunAsync(modelCase);
            if (found.Count == 0)
                return true;

            violations++;
            throw new InvalidOperationException(string.Join(Environment.NewLine, found));
        });

        try
        {
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(_sequences).WithQuietOnSuccess(true), property);
        }
        finally
        {
            TestContext.Progress.WriteLine($"subscription model: {sequences} sequences, {events} events, {violations} invariant violations");
            TestContext.Progress.WriteLine("cycle charges ended as: " + string.Join(", ", _endings.OrderByDescending(ending => ending.Value)
                .Select(ending => $"{ending.Key} {ending.Value}")));
        }
    }

    private async Task<IList<string>> RunAsync(SubscriptionModelCase modelCase)
    {
        Emulator.Reset();
        var world = new SubscriptionModelWorld(Emulator, modelCase);
        await world.StartAsync();
        foreach (var step in modelCase.Events)
            await world.ApplyAsync(step);
        await world.SettleAsync();

        foreach (var charge in world.SubscriptionOf()?.Charges ?? [])
            _endings[charge.State.ToString()] = _endings.GetValueOrDefault(charge.State.ToString()) + 1;
        var key = world.SubscriptionOf()?.KeyState ?? LinePayRegKeyState.None;
        _endings[$"key {key}"] = _endings.GetValueOrDefault($"key {key}") + 1;

        return SubscriptionModelInvariants.Violations(world, Emulator);
    }

    // shorter sequences first: without each half, quarter… of the events
    private static IEnumerable<SubscriptionModelCase> Shrink(SubscriptionModelCase modelCase)
    {
        var count = modelCase.Events.Count;
        for (var size = Math.Max(count / 2, 1); size >= 1 && count > 1; size /= 2)
        {
            for (var start = 0; start + size <= count; start += size)
                yield return modelCase with { Events = [.. modelCase.Events.Take(start), .. modelCase.Events.Skip(start + size)] };
            if (size == 1)
                break;
        }
    }
}
