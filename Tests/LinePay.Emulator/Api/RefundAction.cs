using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api;

/// <summary>
/// A refund of a captured payment, in full or in part, whoever asks for it (the Refund API or Merchant Center): what
/// refuses it and how it changes the transaction. Both run under the transaction's lock.
/// </summary>
public sealed class RefundAction(EmulatorSettings settings, TransactionStore store, IdentifierGenerator identifiers)
{
    /// <param name="amount">null to refund what remains</param>
    internal void Check(EmulatorTransaction transaction, DateTimeOffset now, decimal? amount)
    {
        switch (transaction.State)
        {
            case TransactionState.Captured:
                break;
            case TransactionState.Refunded:
                throw new ApiError(ReturnCodes.AlreadyRefunded);
            case TransactionState.Authorized:
                throw new ApiError(ReturnCodes.NotRefundable);
            default:
                throw new ApiError(ReturnCodes.InvalidState);
        }

        if (now > transaction.CapturedAt + settings.RefundWindow)
            throw new ApiError(ReturnCodes.RefundPeriodExpired);
        if (amount <= 0)
            throw new ApiError(ReturnCodes.AmountTooLow);
        if (amount > transaction.CapturedAmount - transaction.RefundedAmount)
            throw new ApiError(ReturnCodes.ExceedsRefundable);
    }

    /// <param name="amount">null to refund what remains</param>
    internal RefundRecord Apply(EmulatorTransaction transaction, DateTimeOffset now, decimal? amount)
    {
        var remaining = transaction.CapturedAmount - transaction.RefundedAmount;
        var refunded = amount ?? remaining;
        var type = transaction.Refunds.Count == 0 && refunded == transaction.CapturedAmount
            ? "PAYMENT_REFUND"
            : "PARTIAL_REFUND";
        var refund = new RefundRecord(identifiers.NextTransactionId(), refunded, now, type);
        transaction.Refunds.Add(refund);
        store.AddRefund(refund.RefundTransactionId, transaction.TransactionId);
        if (refunded == remaining)
            transaction.State = TransactionState.Refunded;

        return refund;
    }
}
