namespace LinePay.Emulator.Transactions;

/// <summary>
/// One refund of a transaction: the positive amount refunded, and PAYMENT_REFUND (whole payment at once) or PARTIAL_REFUND
/// </summary>
public sealed record RefundRecord(long RefundTransactionId, decimal Amount, DateTimeOffset Date, string TransactionType);
