using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Tests.Reconciliation;

/// <summary>
/// One row of the table of failures: what disturbs the payment after the customer's approval, and where the order,
/// its LINE Pay record and LINE Pay stand once the customer's return (or the task, when the return never came) and
/// the next run of the task are done. Values that differ between the two ways in are given for each.
/// </summary>
public record ConsistencyCase(string Name)
{
    /// <summary>The fault LINE Pay's Confirm meets on its first call, if any</summary>
    public Fault ConfirmFault { get; init; }

    /// <summary>Whether the Confirm timeout is shortened below the fault's delay</summary>
    public bool ShortConfirmTimeout { get; init; }

    /// <summary>What the customer does on LINE Pay's page: approve, cancel</summary>
    public bool CustomerCancels { get; init; }

    /// <summary>Whether the payment fails on LINE Pay's page (LINE Pay sends the customer to the cancel URL)</summary>
    public bool PaymentFails { get; init; }

    /// <summary>Minutes between the request and the return (or the task's run)</summary>
    public int MinutesLater { get; init; } = 6;

    /// <summary>Whether something else confirmed the payment at LINE Pay before the plugin came to it</summary>
    public bool ConfirmedElsewhere { get; init; }

    public PaymentStatus PaymentStatus { get; init; } = PaymentStatus.Paid;

    public LinePayPaymentState State { get; init; } = LinePayPaymentState.Paid;

    public LinePayPaymentState? StateViaReturn { get; init; }

    public TransactionState TransactionState { get; init; } = TransactionState.Captured;

    /// <summary>Confirm calls LINE Pay received in all</summary>
    public int ConfirmCalls { get; init; } = 1;

    public int? ConfirmCallsViaReturn { get; init; }

    /// <summary>A note the order must carry</summary>
    public string Note { get; init; } = "payment captured: transaction";

    public string NoteViaReturn { get; init; }

    public override string ToString() => Name;
}
