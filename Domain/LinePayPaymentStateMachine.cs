using static Nop.Plugin.Payments.LinePay.Domain.LinePayPaymentEvent;
using static Nop.Plugin.Payments.LinePay.Domain.LinePayPaymentState;

namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// The life of an order's LINE Pay payment record, all of it: for each state, the events it accepts and the one state
/// each of them leads to. Every service moves a record through <see cref="LinePayOrderPayment.Apply"/>, which asks
/// this table; an event the table does not list for the record's state is refused.
/// </summary>
public static class LinePayPaymentStateMachine
{
    private static readonly LinePayPaymentTransition[] _table =
    [
        //checkout: the customer approves on LINE Pay and comes back, or the task finds the approval
        new(Requested, ConfirmSent, Confirming),
        new(Requested, Captured, Paid),
        new(Requested, LinePayPaymentEvent.Authorized, LinePayPaymentState.Authorized),
        new(Requested, NotPaid, Failed),
        new(Requested, CustomerCancelled, Cancelled),
        new(Requested, Superseded, Cancelled),
        new(Requested, OrderCancelled, Cancelled),
        new(Requested, MoneyToReturn, ReturnDue),
        new(Requested, MoneyHeld, HeldForCancelledOrder),
        new(Requested, RefundedInFull, Refunded),
        new(Requested, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(Requested, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(Requested, OutcomeUnknown, Requested),
        new(Requested, GiveUp, GivenUp),

        //Confirm was sent: only what LINE Pay says (Confirm's answer, Check, Payment Details) moves it on
        new(Confirming, Captured, Paid),
        new(Confirming, LinePayPaymentEvent.Authorized, LinePayPaymentState.Authorized),
        new(Confirming, NotPaid, Failed),
        new(Confirming, OrderCancelled, Cancelled),
        new(Confirming, MoneyToReturn, ReturnDue),
        new(Confirming, MoneyHeld, HeldForCancelledOrder),
        new(Confirming, RefundedInFull, Refunded),
        new(Confirming, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(Confirming, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(Confirming, OutcomeUnknown, Confirming),
        new(Confirming, GiveUp, GivenUp),

        //an authorization: captured or voided from the order page, voided in Merchant Center, or left to expire
        new(LinePayPaymentState.Authorized, CaptureRequested, LinePayPaymentState.Authorized),
        new(LinePayPaymentState.Authorized, VoidRequested, LinePayPaymentState.Authorized),
        new(LinePayPaymentState.Authorized, OutcomeUnknown, LinePayPaymentState.Authorized),
        new(LinePayPaymentState.Authorized, Captured, Paid),
        new(LinePayPaymentState.Authorized, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(LinePayPaymentState.Authorized, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(LinePayPaymentState.Authorized, MoneyToReturn, ReturnDue),
        new(LinePayPaymentState.Authorized, MoneyHeld, HeldForCancelledOrder),
        new(LinePayPaymentState.AuthorizationExpired, VoidRequested, LinePayPaymentState.AuthorizationExpired),
        new(LinePayPaymentState.AuthorizationExpired, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(LinePayPaymentState.Voided, VoidRequested, LinePayPaymentState.Voided),
        new(LinePayPaymentState.Voided, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),

        //a captured payment: refunded from the order page or in Merchant Center, or given back when the order is cancelled
        new(Paid, RefundSent, Refunding),
        new(Paid, RefundedInPart, Paid),
        new(Paid, RefundedInFull, Refunded),
        new(Paid, MoneyToReturn, ReturnDue),
        new(Paid, MoneyHeld, HeldForCancelledOrder),

        //a refund was sent: no other one until LINE Pay tells what became of it
        new(Refunding, RefundedInPart, Paid),
        new(Refunding, RefundedInFull, Refunded),
        new(Refunding, RefundRefused, Paid),
        new(Refunding, OutcomeUnknown, Refunding),
        new(Refunding, GiveUp, GivenUp),

        //money the order cannot take is given back: Payment Details first, then a refund of the rest or a void
        new(ReturnDue, RefundedInPart, ReturnDue),
        new(ReturnDue, RefundedInFull, Refunded),
        new(ReturnDue, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(ReturnDue, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(ReturnDue, MoneyHeld, HeldForCancelledOrder),
        new(ReturnDue, OutcomeUnknown, ReturnDue),
        new(ReturnDue, GiveUp, GivenUp),

        //money held for a cancelled or deleted order, waiting for the shop owner (or the setting) to give it back
        new(HeldForCancelledOrder, RefundSent, Refunding),
        new(HeldForCancelledOrder, RefundedInPart, HeldForCancelledOrder),
        new(HeldForCancelledOrder, RefundedInFull, Refunded),
        new(HeldForCancelledOrder, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(HeldForCancelledOrder, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(HeldForCancelledOrder, MoneyToReturn, ReturnDue),

        //the store stopped asking; the shop owner may still ask LINE Pay from the order page ("Check with LINE Pay now")
        new(GivenUp, Captured, Paid),
        new(GivenUp, LinePayPaymentEvent.Authorized, LinePayPaymentState.Authorized),
        new(GivenUp, NotPaid, Failed),
        new(GivenUp, OrderCancelled, Cancelled),
        new(GivenUp, MoneyToReturn, ReturnDue),
        new(GivenUp, MoneyHeld, HeldForCancelledOrder),
        new(GivenUp, RefundedInFull, Refunded),
        new(GivenUp, LinePayPaymentEvent.Voided, LinePayPaymentState.Voided),
        new(GivenUp, LinePayPaymentEvent.AuthorizationExpired, LinePayPaymentState.AuthorizationExpired),
        new(GivenUp, OutcomeUnknown, GivenUp),

        //the customer pays again: only once LINE Pay holds nothing for this attempt and will not take anything for it
        new(Failed, NewAttempt, Requested),
        new(Cancelled, NewAttempt, Requested),
        new(LinePayPaymentState.Voided, NewAttempt, Requested),
        new(LinePayPaymentState.AuthorizationExpired, NewAttempt, Requested),
        new(Refunded, NewAttempt, Requested)
    ];

    private static readonly Dictionary<(LinePayPaymentState, LinePayPaymentEvent), LinePayPaymentState> _next =
        _table.ToDictionary(transition => (transition.From, transition.Event), transition => transition.To);

    /// <summary>
    /// Gets every allowed transition, in the order of the table above
    /// </summary>
    public static IReadOnlyList<LinePayPaymentTransition> Transitions => _table;

    /// <summary>
    /// Gets a value indicating whether the event has a transition from the state
    /// </summary>
    public static bool Allows(LinePayPaymentState state, LinePayPaymentEvent @event) => _next.ContainsKey((state, @event));

    /// <summary>
    /// Gets the state the event leads to from the state
    /// </summary>
    /// <exception cref="LinePayTransitionException">The table has no transition for the pair</exception>
    public static LinePayPaymentState Next(LinePayPaymentState state, LinePayPaymentEvent @event) =>
        _next.TryGetValue((state, @event), out var next) ? next : throw new LinePayTransitionException(state, @event);

    /// <summary>
    /// Gets a value indicating whether LINE Pay has not told the outcome yet: the customer may still approve, or a
    /// Confirm, a refund or the return of money was sent without a clear answer. The scheduled task asks LINE Pay
    /// about such a record until it settles, whatever happened to the order, up to the age limit.
    /// </summary>
    public static bool IsOpen(LinePayPaymentState state) => state is Requested or Confirming or Refunding or ReturnDue;

    /// <summary>
    /// Gets a value indicating whether LINE Pay holds (or may hold) the customer's money for this attempt, so that the
    /// customer must not be invited to pay again
    /// </summary>
    public static bool MayHoldMoney(LinePayPaymentState state) =>
        state is Confirming or Paid or LinePayPaymentState.Authorized or Refunding or ReturnDue or HeldForCancelledOrder or GivenUp;

    /// <summary>
    /// Gets a value indicating whether LINE Pay holds money that can still change in LINE Pay Merchant Center (refunds,
    /// voids, an expiring authorization), which the scheduled task mirrors into the order
    /// </summary>
    public static bool IsWatched(LinePayPaymentState state) =>
        state is Paid or LinePayPaymentState.Authorized or HeldForCancelledOrder;
}
