namespace LinePay.Emulator.Transactions;

/// <summary>
/// How many entries each index of the transaction store holds, to see that forgotten transactions leave none behind
/// </summary>
public sealed record TransactionIndexSizes(int TransactionIds, int ReserveTokens, int OrderIds, int RefundIds, int RegKeys);
