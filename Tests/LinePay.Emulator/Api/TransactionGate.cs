using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api;

/// <summary>
/// Runs a state-changing call on one transaction: checks it under the transaction's lock, marks it in flight for
/// <see cref="EmulatorSettings.ProcessingTime"/>, then applies it under the lock. A concurrent call meanwhile gets 1198.
/// </summary>
public sealed class TransactionGate(EmulatorSettings settings, TransactionStore store, TimeProvider clock)
{
    internal EmulatorTransaction Find(string pathIdentifier) =>
        long.TryParse(pathIdentifier, out var transactionId)
            ? store.Get(transactionId) ?? throw new ApiError(ReturnCodes.NoTransaction)
            : throw new ApiError(ReturnCodes.NotRefundable, "Invalid transaction ID.");

    /// <param name="check">throws an <see cref="ApiError"/> when the call cannot proceed</param>
    /// <param name="apply">changes the transaction and builds the answer</param>
    internal async Task<ApiResponse> RunAsync(EmulatorTransaction transaction,
        Action<EmulatorTransaction, DateTimeOffset> check,
        Func<EmulatorTransaction, DateTimeOffset, ApiResponse> apply)
    {
        lock (transaction.Sync)
        {
            var now = clock.GetUtcNow();
            transaction.Refresh(now);
            if (transaction.InFlight)
                throw new ApiError(ReturnCodes.DuplicateRequest);

            check(transaction, now);
            if (settings.ProcessingTime <= TimeSpan.Zero)
                return apply(transaction, now);

            transaction.InFlight = true;
        }

        await Task.Delay(settings.ProcessingTime, CancellationToken.None);
        lock (transaction.Sync)
        {
            try
            {
                return apply(transaction, clock.GetUtcNow());
            }
            finally
            {
                transaction.InFlight = false;
            }
        }
    }
}
