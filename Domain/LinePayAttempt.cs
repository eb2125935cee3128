namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// An earlier attempt to pay an order with LINE Pay, as it ended
/// </summary>
public class LinePayAttempt
{
    public int Attempt { get; set; }

    public long TransactionId { get; set; }

    public string LinePayOrderId { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; }

    public LinePayPaymentState State { get; set; }

    public DateTime RequestedOnUtc { get; set; }

    /// <summary>
    /// Gets the summary of an attempt as it stands
    /// </summary>
    public static LinePayAttempt Of(LinePayOrderPayment payment) => new()
    {
        Attempt = payment.Attempt,
        TransactionId = payment.TransactionId,
        LinePayOrderId = payment.LinePayOrderId,
        Amount = payment.Amount,
        Currency = payment.Currency,
        State = payment.State,
        RequestedOnUtc = payment.RequestedOnUtc
    };
}
