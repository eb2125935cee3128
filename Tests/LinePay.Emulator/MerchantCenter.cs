using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator;

/// <summary>
/// What a merchant does in LINE Pay Merchant Center, outside the API: refunds and voids. The Refund and Void APIs'
/// rules apply and the transaction changes as those calls change it, so Payment Details then shows the refund or the
/// void; these are not API calls, so the call journal does not list them. A refused action throws
/// <see cref="MerchantCenterRefusedException"/> with the return code the API would have answered.
/// </summary>
public sealed class MerchantCenter(TransactionGate gate, RefundAction refunds, AmountReader amounts)
{
    /// <param name="amount">in the transaction's currency and its scale as written (10.0m in TWD is 1124, as the API
    /// answers for the literal 10.0); null refunds what remains</param>
    public RefundRecord Refund(long transactionId, decimal? amount = null) => Act(() =>
    {
        var transaction = gate.Find(transactionId);
        if (amount is { } value)
            amounts.CheckScale(value, transaction.Currency);

        return gate.Run(transaction, (t, now) => refunds.Check(t, now, amount), (t, now) => refunds.Apply(t, now, amount));
    });

    /// <summary>Voids an authorization that was not captured; returns the transaction as voided</summary>
    public TransactionSnapshot Void(long transactionId) => Act(() => gate.Run(gate.Find(transactionId),
        (t, _) => VoidAction.Check(t),
        (t, _) =>
        {
            VoidAction.Apply(t);
            return t.Snapshot();
        }));

    private static T Act<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ApiError refused)
        {
            throw new MerchantCenterRefusedException(refused.ReturnCode, refused.Message);
        }
    }
}
