namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// An event that <see cref="LinePayPaymentStateMachine"/> has no transition for in the record's state
/// </summary>
public class LinePayTransitionException : InvalidOperationException
{
    public LinePayTransitionException(LinePayPaymentState state, LinePayPaymentEvent @event)
        : base($"A LINE Pay payment that is {state} does not accept {@event}.")
    {
        State = state;
        Event = @event;
    }

    /// <summary>
    /// Gets the state of the record the event was refused in
    /// </summary>
    public LinePayPaymentState State { get; }

    /// <summary>
    /// Gets the refused event
    /// </summary>
    public LinePayPaymentEvent Event { get; }
}
