using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api;

/// <summary>
/// The void of an authorization that was not captured, whoever asks for it (the Void API or Merchant Center): what
/// refuses it and how it changes the transaction. Both run under the transaction's lock.
/// </summary>
internal static class VoidAction
{
    public static void Check(EmulatorTransaction transaction)
    {
        switch (transaction.State)
        {
            case TransactionState.Authorized:
                return;
            // An authorization that expired was voided by LINE Pay already.
            case TransactionState.Voided or TransactionState.AuthorizationExpired:
                throw new ApiError(ReturnCodes.AlreadyRefunded);
            default:
                throw new ApiError(ReturnCodes.InvalidState);
        }
    }

    public static void Apply(EmulatorTransaction transaction) => transaction.State = TransactionState.Voided;
}
