namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// One row of <see cref="LinePayPaymentStateMachine"/>: in this state, this event leads to that state
/// </summary>
public record LinePayPaymentTransition(LinePayPaymentState From, LinePayPaymentEvent Event, LinePayPaymentState To);
