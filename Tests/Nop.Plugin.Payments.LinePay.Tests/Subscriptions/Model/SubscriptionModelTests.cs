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
    private static readonly int _sequences = ModelCheck.Sequences(200, cost: 5);

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
    public void EveryInterleavingChargesEachCycleOnceAndRecordsOrGivesBackWhatLinePayTook() =>
        ModelCheck.Run("subscription model", _sequences, _cases, Shrink, modelCase => modelCase.Events.Count, RunAsync, _endings);

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

    // shorter sequences first
    private static IEnumerable<SubscriptionModelCase> Shrink(SubscriptionModelCase modelCase)
    {
        foreach (var events in ModelCheck.WithoutParts(modelCase.Events))
            yield return modelCase with { Events = events };
    }
}
