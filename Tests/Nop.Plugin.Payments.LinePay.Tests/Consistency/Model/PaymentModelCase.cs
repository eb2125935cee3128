namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// A generated sequence: the store's payment mode, how many orders are paid with LINE Pay, and the events that follow
/// </summary>
public record PaymentModelCase(bool AuthorizeOnly, int Orders, IReadOnlyList<PaymentModelEvent> Events)
{
    public override string ToString() =>
        $"{(AuthorizeOnly ? "authorize only" : "capture")}, {Orders} order(s): {string.Join(" → ", Events)}";
}
