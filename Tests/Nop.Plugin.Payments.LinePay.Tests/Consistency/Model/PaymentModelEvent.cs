namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// One step of a generated sequence: the action, the order (0 or 1) it concerns, the web server (0 or 1) it arrives
/// at, and a value whose meaning depends on the action (a partial amount or not, minutes, which fault)
/// </summary>
public record PaymentModelEvent(PaymentModelAction Action, int Order, int Server, int Value)
{
    public override string ToString() => $"{Action}(order {Order}, server {Server}, {Value})";
}
