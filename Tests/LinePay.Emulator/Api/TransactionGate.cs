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
            ? Find(transactionId)
            : throw new ApiError(ReturnCodes.NotRefundable, "Invalid transaction ID.");

    internal EmulatorTransaction Find(long transactionId) =>
        store.Get(transactionId) ?? throw new ApiError(ReturnCodes.NoTransaction);

    /// <param name="check">throws an <see cref="ApiError"/> when the call cannot proceed</param>
    /// <param name="apply">changes the transaction and builds the answer</param>
    internal async Task<ApiResponse> RunAsync(EmulatorTransaction transaction,
        Action<EmulatorTransaction, DateTimeOffset> check,
        Func<EmulatorTransaction, DateTimeOffset, ApiResponse> apply)
    {
        lock (transaction.Sync)
        {
            var now = clock.GetUtcNow();
            Admit(transaction, now, check);
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

    /// <summary>
    /// Checks and applies in one hold of the lock, without <see cref="EmulatorSettings.ProcessingTime"/>: for changes
    /// that are not API calls, which a concurrent API call in flight still refuses with 1198
    /// </summary>
    internal T Run<T>(EmulatorTransaction transaction,
        Action<EmulatorTransaction, DateTimeOffset> check,
        Func<EmulatorTransaction, DateTimeOffset, T> apply)
    {
        lock (transaction.Sync)
        {
            var now = clock.GetUtcNow();
            Admit(transaction, now, check);
            return apply(transaction, now);
        }
    }

    private static void Admit(EmulatorTransaction transaction, DateTimeOffset now,
        Action<EmulatorTransaction, DateTimeOffset> check)
    {
        if (transaction.Forgotten)
            throw new ApiError(ReturnCodes.NoTransaction);

        transaction.Refresh(now);
        if (transaction.InFlight)
            throw new ApiError(ReturnCodes.DuplicateRequest);

        check(transaction, now);
    }
}
