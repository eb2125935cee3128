namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// One step of a generated sequence: the action, the web server (0 or 1) it arrives at, and a value whose meaning
/// depends on the action (which fault)
/// </summary>
public record SubscriptionModelEvent(SubscriptionModelAction Action, int Server, int Value)
{
    public override string ToString() => $"{Action}(server {Server}, {Value})";
}
