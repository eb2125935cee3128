using System.Text.RegularExpressions;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Tests.Consistency;

[TestFixture]
public class StateMachineTests
{
    private static readonly LinePayPaymentState[] _states = Enum.GetValues<LinePayPaymentState>();
    private static readonly LinePayPaymentEvent[] _events = Enum.GetValues<LinePayPaymentEvent>();

    [Test]
    public void EachStateAndEventHaveOneTransitionAtMost()
    {
        var pairs = LinePayPaymentStateMachine.Transitions.Select(transition => (transition.From, transition.Event)).ToList();

        Assert.That(pairs, Is.Unique);
    }

    [Test]
    public void EveryStateIsReachedFromARequest()
    {
        var reached = Reachable(LinePayPaymentState.Requested);

        Assert.That(reached, Is.EquivalentTo(_states));
    }

    [Test]
    public void EveryOpenStateCanBeSettledAndGivenUp()
    {
        foreach (var state in _states.Where(LinePayPaymentStateMachine.IsOpen))
        {
            Assert.That(Reachable(state).Where(reached => !LinePayPaymentStateMachine.IsOpen(reached)), Is.Not.Empty, $"{state}");
            Assert.That(LinePayPaymentStateMachine.Next(state, LinePayPaymentEvent.GiveUp), Is.EqualTo(LinePayPaymentState.GivenUp));
            Assert.That(LinePayPaymentStateMachine.Next(state, LinePayPaymentEvent.OutcomeUnknown), Is.EqualTo(state));
        }
    }

    [Test]
    public void TheCustomerMayPayAgainExactlyWhenNothingIsOpenAndLinePayHoldsNothing()
    {
        var retryable = _states.Where(state => LinePayPaymentStateMachine.Allows(state, LinePayPaymentEvent.NewAttempt));
        var settledWithoutMoney = _states.Where(state => !LinePayPaymentStateMachine.IsOpen(state)
            && !LinePayPaymentStateMachine.MayHoldMoney(state));

        Assert.That(retryable, Is.EquivalentTo(settledWithoutMoney));
    }

    [Test]
    public void AStateThatHoldsMoneyOnlyLetsItGoThroughLinePaysOwnAnswer()
    {
        var releasing = new[]
        {
            LinePayPaymentEvent.RefundedInFull, LinePayPaymentEvent.Voided, LinePayPaymentEvent.AuthorizationExpired,
            LinePayPaymentEvent.NotPaid, LinePayPaymentEvent.OrderCancelled, LinePayPaymentEvent.CustomerCancelled,
            LinePayPaymentEvent.Superseded, LinePayPaymentEvent.RefundRefused
        };
        foreach (var transition in LinePayPaymentStateMachine.Transitions.Where(transition =>
            LinePayPaymentStateMachine.MayHoldMoney(transition.From) && transition.From != LinePayPaymentState.Confirming
            && !LinePayPaymentStateMachine.MayHoldMoney(transition.To)))
        {
            Assert.That(releasing, Does.Contain(transition.Event), transition.ToString());
        }
    }

    [Test]
    public void AnEventWithoutATransitionIsRefusedAndLeavesTheRecordAsItWas()
    {
        var payment = new LinePayOrderPayment { State = LinePayPaymentState.Refunding };

        var error = Assert.Throws<LinePayTransitionException>(() => payment.Apply(LinePayPaymentEvent.RefundSent));

        Assert.That(error.Message, Is.EqualTo("A LINE Pay payment that is Refunding does not accept RefundSent."));
        Assert.That(payment.State, Is.EqualTo(LinePayPaymentState.Refunding));
        Assert.That(payment.Allows(LinePayPaymentEvent.RefundSent), Is.False);
    }

    [Test]
    public void TheAgeOfAnOpenOutcomeCountsFromWhenItOpened()
    {
        var payment = new LinePayOrderPayment { State = LinePayPaymentState.Paid };

        payment.Apply(LinePayPaymentEvent.RefundSent);
        var opened = payment.OpenSinceUtc;
        payment.OpenProblem = "no answer";
        payment.Apply(LinePayPaymentEvent.RefundedInPart);

        Assert.That(opened, Is.EqualTo(DateTime.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(payment.OpenSinceUtc, Is.Null);
        Assert.That(payment.OpenProblem, Is.Null);
    }

    [Test]
    public void ANewAttemptKeepsTheEarlierOnesAndRefusesWhileLinePayMayHoldMoney()
    {
        var held = new LinePayOrderPayment { State = LinePayPaymentState.ReturnDue, Attempt = 1 };
        var failed = new LinePayOrderPayment { State = LinePayPaymentState.Failed, Attempt = 2, LinePayOrderId = "o-2", TransactionId = 2,
            EarlierAttempts = [new LinePayAttempt { Attempt = 1, LinePayOrderId = "o-1", TransactionId = 1 }] };

        Assert.Throws<LinePayTransitionException>(() => held.NextAttempt());
        var next = failed.NextAttempt();

        Assert.That(next.Attempt, Is.EqualTo(3));
        Assert.That(next.State, Is.EqualTo(LinePayPaymentState.Requested));
        Assert.That(next.EarlierAttempts.Select(attempt => attempt.TransactionId), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(next.EarlierAttempts[1].State, Is.EqualTo(LinePayPaymentState.Failed));
    }

    [Test]
    public void TheReadmeTableIsTheStateMachine()
    {
        var readme = File.ReadAllText(PluginFiles.InRoot("README.md"));
        var section = readme[readme.IndexOf("## How payments are kept consistent", StringComparison.Ordinal)..];
        var documented = new List<LinePayPaymentTransition>();
        foreach (Match row in Regex.Matches(section, @"^\| (\w+) \| (.+) \|$", RegexOptions.Multiline))
        {
            if (!Enum.TryParse<LinePayPaymentState>(row.Groups[1].Value, out var from))
                continue;
            foreach (Match pair in Regex.Matches(row.Groups[2].Value, @"(\w+) → (\w+)"))
                documented.Add(new(from, Enum.Parse<LinePayPaymentEvent>(pair.Groups[1].Value), Enum.Parse<LinePayPaymentState>(pair.Groups[2].Value)));
        }

        Assert.That(documented, Is.EquivalentTo(LinePayPaymentStateMachine.Transitions));
    }

    private static HashSet<LinePayPaymentState> Reachable(LinePayPaymentState from)
    {
        var reached = new HashSet<LinePayPaymentState> { from };
        var queue = new Queue<LinePayPaymentState>([from]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var @event in _events.Where(@event => LinePayPaymentStateMachine.Allows(state, @event)))
            {
                var next = LinePayPaymentStateMachine.Next(state, @event);
                if (reached.Add(next))
                    queue.Enqueue(next);
            }
        }
        return reached;
    }
}
