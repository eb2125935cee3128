namespace Nop.Plugin.Payments.LinePay.Tests.Subscriptions.Model;

/// <summary>
/// What can happen to a subscription paid with LINE Pay
/// </summary>
public enum SubscriptionModelAction
{
    AdminProcessesNextPayment,
    TwoServersProcessTheSameCycle,
    TaskRuns,
    TimePasses,
    LinePayFails,
    CustomerRemovesTheKey,
    LinePayExpiresTheKey,
    CustomerPaysTheWaitingOrder,
    CustomerCancels,
    AdminDeletesTheSubscription,
    AdminChecksTheKey,
    AdminRefundsTheLastCycle,
    ServerDiesBeforeTheOrderIsPlaced
}
