using FsCheck;
using FsCheck.Fluent;
using Nop.Plugin.Payments.LinePay.Tests.Support;
using static Nop.Plugin.Payments.LinePay.Tests.Consistency.Model.PaymentModelAction;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// Random interleavings of everything that happens around LINE Pay payments (customers, admins, Merchant Center, LINE
/// Pay's faults, two web servers, the task, servers that die, time), each run against the emulator and checked against
/// <see cref="PaymentModelInvariants"/>. A failing sequence is shrunk to the shortest one that still fails, and printed
/// with the seed that replays it.
/// </summary>
[TestFixture]
public class PaymentModelTests : EmulatorTest
{
    //LINEPAY_MODEL_SEQUENCES runs more (or fewer) sequences than CI's thousand
    private static readonly int _sequences = ModelCheck.Sequences(1000);

    private static readonly Gen<PaymentModelAction> _actions = Gen.Frequency(
        (6, Gen.Constant(CustomerPays)), (2, Gen.Constant(CustomerApproves)), (2, Gen.Constant(ConfirmReturn)),
        (1, Gen.Constant(CancelReturn)), (1, Gen.Constant(CustomerCancelsOnLinePay)), (2, Gen.Constant(RetryPayment)),
        (2, Gen.Constant(AdminCancels)), (1, Gen.Constant(AdminDeletes)), (4, Gen.Constant(AdminRefunds)),
        (3, Gen.Constant(AdminCaptures)), (1, Gen.Constant(AdminVoids)), (1, Gen.Constant(AdminSavesAnOlderCopy)),
        (2, Gen.Constant(MerchantRefunds)), (1, Gen.Constant(MerchantVoids)), (5, Gen.Constant(LinePayFails)),
        (3, Gen.Constant(TaskRuns)), (2, Gen.Constant(TwoRequestsRace)), (1, Gen.Constant(ServerDiesHoldingTheClaim)), (1, Gen.Constant(ServerDiesBeforeMarkingPaid)),
        (2, Gen.Constant(TimePasses)), (1, Gen.Constant(RefundSettingToggles)));

    private static readonly Gen<PaymentModelEvent> _events =
        from action in _actions
        from order in Gen.Choose(0, 1)
        from server in Gen.Choose(0, 1)
        from value in action == TimePasses ? Gen.Elements(2, 2, 6, 6, 25) : Gen.Choose(0, 100)
        select new PaymentModelEvent(action, order, server, value);

    private static readonly Gen<PaymentModelCase> _cases =
        from authorizeOnly in Gen.Elements(false, true)
        from orders in Gen.Choose(1, 2)
        from length in Gen.Choose(1, 16)
        from events in _events.ListOf(length)
        select new PaymentModelCase(authorizeOnly, orders, events);

    //how the orders of the sequences ended, to see that the sequences reach every corner
    private readonly Dictionary<string, int> _endings = new();

    [Test]
    public void EveryInterleavingEndsWhereLinePaySaysTheMoneyIs() =>
        ModelCheck.Run("payment model", _sequences, _cases, Shrink, modelCase => modelCase.Events.Count, RunAsync, _endings);

    private async Task<IList<string>> RunAsync(PaymentModelCase modelCase)
    {
        Emulator.Reset();
        var world = new PaymentModelWorld(Emulator, modelCase.AuthorizeOnly, modelCase.Orders);
        await world.StartAsync();
        foreach (var step in modelCase.Events)
            await world.ApplyAsync(step);
        await world.SettleAsync();

        foreach (var order in world.Orders)
        {
            var stored = world.Store.GetOrder(order.Id);
            var ending = $"{world.Store.PaymentOf(order.Id)?.State}/{stored.PaymentStatus}{(stored.Deleted ? "/deleted" : stored.OrderStatus == Nop.Core.Domain.Orders.OrderStatus.Cancelled ? "/cancelled" : "")}";
            _endings[ending] = _endings.GetValueOrDefault(ending) + 1;
        }

        return PaymentModelInvariants.Violations(world, Emulator);
    }

    // shorter sequences first: one order instead of two, then without each half, quarter… of the events
    private static IEnumerable<PaymentModelCase> Shrink(PaymentModelCase modelCase)
    {
        if (modelCase.Orders > 1)
            yield return modelCase with { Orders = 1 };

        foreach (var events in ModelCheck.WithoutParts(modelCase.Events))
            yield return modelCase with { Events = events };
    }
}
