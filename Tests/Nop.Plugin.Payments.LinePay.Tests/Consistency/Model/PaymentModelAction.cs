namespace Nop.Plugin.Payments.LinePay.Tests.Consistency.Model;

/// <summary>
/// Something one of the actors around a LINE Pay payment does: the customer, the admin, the merchant in LINE Pay
/// Merchant Center, LINE Pay itself, the store's servers and time
/// </summary>
public enum PaymentModelAction
{
    CustomerPays,
    CustomerApproves,
    CustomerCancelsOnLinePay,
    ConfirmReturn,
    CancelReturn,
    RetryPayment,
    AdminCancels,
    AdminDeletes,
    AdminRefunds,
    AdminCaptures,
    AdminVoids,
    AdminSavesAnOlderCopy,
    MerchantRefunds,
    MerchantVoids,
    LinePayFails,
    TaskRuns,
    TwoRequestsRace,
    ServerDiesHoldingTheClaim,
    ServerDiesBeforeMarkingPaid,
    TimePasses,
    RefundSettingToggles
}
