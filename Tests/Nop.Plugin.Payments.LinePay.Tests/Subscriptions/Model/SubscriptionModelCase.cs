namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// A generated sequence: the store's payment mode, nopCommerce's setting that cancels a subscription after a failed
/// payment, and the events that follow the first order
/// </summary>
public record SubscriptionModelCase(bool AuthorizeOnly, bool CancelAfterFailedPayment, IReadOnlyList<SubscriptionModelEvent> Events)
{
    public override string ToString() =>
        $"{(AuthorizeOnly ? "authorize only" : "capture")}{(CancelAfterFailedPayment ? ", cancel after a failed payment" : "")}: {string.Join(" → ", Events)}";
}
