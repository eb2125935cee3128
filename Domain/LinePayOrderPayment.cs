using Newtonsoft.Json;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Domain;

/// <summary>
/// What the plugin keeps on an order about its current LINE Pay payment attempt (and a summary of the earlier ones).
/// Stored as one JSON value (a generic attribute of the order) so that it is always read and written whole; its
/// state changes only through <see cref="Apply"/>.
/// </summary>
public class LinePayOrderPayment
{
    /// <summary>
    /// Gets or sets LINE Pay's transaction ID of the attempt (19 digits; never a double)
    /// </summary>
    public long TransactionId { get; set; }

    /// <summary>
    /// Gets or sets the orderId sent to LINE Pay (unique per attempt, see <see cref="LinePayOrderIds"/>)
    /// </summary>
    public string LinePayOrderId { get; set; }

    /// <summary>
    /// Gets or sets the attempt number: 1 for the first request of the order, one more for each new request
    /// </summary>
    public int Attempt { get; set; }

    /// <summary>
    /// Gets or sets the amount requested, in <see cref="Currency"/>; Confirm is always called with this amount
    /// </summary>
    public decimal Amount { get; set; }

    /// <summary>
    /// Gets or sets the currency requested (TWD, THB or USD)
    /// </summary>
    public string Currency { get; set; }

    /// <summary>
    /// Gets or sets whether the payment was requested in LINE Pay's sandbox (no money moves); null for records of
    /// versions that did not keep it
    /// </summary>
    public bool? Sandbox { get; set; }

    /// <summary>
    /// Gets or sets the API base address the payment was requested at instead of LINE Pay's own (a test emulator); null for LINE Pay
    /// </summary>
    public string ApiBaseAddress { get; set; }

    /// <summary>
    /// Gets or sets how the customer paid, as LINE Pay's payInfo names it (e.g. CREDIT_CARD, BALANCE, POINT)
    /// </summary>
    public string PayMethods { get; set; }

    /// <summary>
    /// Gets or sets whether the attempt was requested as a pre-approved payment (a subscription's): its Confirm answers
    /// the key that charges the next cycles
    /// </summary>
    public bool Preapproved { get; set; }

    /// <summary>
    /// Gets or sets the key LINE Pay issued when it confirmed the pre-approved payment, encrypted like the channel
    /// secret, until its subscription takes it
    /// </summary>
    public string IssuedRegKey { get; set; }

    /// <summary>
    /// Gets or sets whether the attempt was requested to be captured at once or only authorized
    /// </summary>
    public LinePayPaymentMode PaymentMode { get; set; }

    /// <summary>
    /// Gets or sets where the payment stands; changed through <see cref="Apply"/> (the setter is for the stored JSON)
    /// </summary>
    public LinePayPaymentState State { get; set; }

    /// <summary>
    /// Gets or sets when the record last moved to another state (UTC)
    /// </summary>
    public DateTime? StateChangedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets since when LINE Pay's outcome has been open (UTC); the age limit of the scheduled task counts from it
    /// </summary>
    public DateTime? OpenSinceUtc { get; set; }

    /// <summary>
    /// Gets or sets why LINE Pay's outcome is still unknown, as last noted on the order (the same reason is not noted twice)
    /// </summary>
    public string OpenProblem { get; set; }

    /// <summary>
    /// Gets or sets the refund sent whose outcome is not known yet (state Refunding)
    /// </summary>
    public LinePayPendingRefund PendingRefund { get; set; }

    /// <summary>
    /// Gets or sets the earlier attempts of the order, oldest first
    /// </summary>
    public List<LinePayAttempt> EarlierAttempts { get; set; } = [];

    /// <summary>
    /// Gets or sets the last return code LINE Pay answered for this attempt (e.g. 0000, 1172)
    /// </summary>
    public string LastReturnCode { get; set; }

    /// <summary>
    /// Gets or sets when the payment was requested (UTC)
    /// </summary>
    public DateTime RequestedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the record last changed (UTC)
    /// </summary>
    public DateTime UpdatedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when LINE Pay confirmed the payment (UTC)
    /// </summary>
    public DateTime? ConfirmedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets until when an authorization can be captured (UTC); authorize-only mode
    /// </summary>
    public DateTime? AuthorizationExpiresOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the amount captured from an authorization, in <see cref="Currency"/>; null when Confirm captured the payment
    /// </summary>
    public decimal? CapturedAmount { get; set; }

    /// <summary>
    /// Gets or sets when the authorization was captured (UTC)
    /// </summary>
    public DateTime? CapturedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets when the authorization was voided, or found cancelled by LINE Pay (UTC)
    /// </summary>
    public DateTime? VoidedOnUtc { get; set; }

    /// <summary>
    /// Gets or sets the refunds made of the payment, oldest first
    /// </summary>
    public List<LinePayRefund> Refunds { get; set; } = [];

    /// <summary>
    /// Gets the amount LINE Pay holds for the store once the payment is paid: the amount captured, in <see cref="Currency"/>
    /// </summary>
    [JsonIgnore]
    public decimal PaidAmount => CapturedAmount ?? Amount;

    /// <summary>
    /// Gets the sum of the refunds, in <see cref="Currency"/>
    /// </summary>
    [JsonIgnore]
    public decimal RefundedAmount => Refunds.Sum(refund => refund.Amount);

    /// <summary>
    /// Gets what can still be refunded, in <see cref="Currency"/>
    /// </summary>
    [JsonIgnore]
    public decimal RefundableAmount => PaidAmount - RefundedAmount;

    /// <summary>
    /// Gets or sets how many claims to finish this payment were taken (see LinePayConfirmClaimService)
    /// </summary>
    public int ConfirmClaims { get; set; }

    /// <summary>
    /// Gets or sets when the order got a note that its authorization is about to expire (UTC)
    /// </summary>
    public DateTime? ExpiryNotedOnUtc { get; set; }

    /// <summary>
    /// Gets a value indicating whether the payment was requested and not settled yet (a Confirm may still be due)
    /// </summary>
    [JsonIgnore]
    public bool IsAwaitingConfirmation => State is LinePayPaymentState.Requested or LinePayPaymentState.Confirming;

    /// <summary>
    /// Moves the record by the event, as <see cref="LinePayPaymentStateMachine"/> says
    /// </summary>
    /// <exception cref="LinePayTransitionException">The event has no transition from the record's state</exception>
    public void Apply(LinePayPaymentEvent @event)
    {
        var next = LinePayPaymentStateMachine.Next(State, @event);
        var wasOpen = LinePayPaymentStateMachine.IsOpen(State);
        if (next != State)
            StateChangedOnUtc = DateTime.UtcNow;
        State = next;
        if (!LinePayPaymentStateMachine.IsOpen(next))
        {
            OpenSinceUtc = null;
            OpenProblem = null;
        }
        else if (!wasOpen)
            OpenSinceUtc = DateTime.UtcNow;
    }

    /// <summary>
    /// Gets a value indicating whether the state machine accepts the event in the record's state
    /// </summary>
    public bool Allows(LinePayPaymentEvent @event) => LinePayPaymentStateMachine.Allows(State, @event);

    /// <summary>
    /// Gets the record of the next attempt of the order, which replaces this one
    /// </summary>
    /// <exception cref="LinePayTransitionException">This attempt may still take the customer's money</exception>
    public LinePayOrderPayment NextAttempt()
    {
        var summary = LinePayAttempt.Of(this);
        Apply(LinePayPaymentEvent.NewAttempt);

        return new LinePayOrderPayment
        {
            Attempt = Attempt + 1,
            ConfirmClaims = ConfirmClaims,
            EarlierAttempts = [.. EarlierAttempts, summary]
        };
    }

    /// <summary>
    /// Gets the LINE Pay orderIds of every attempt of the order, this one last
    /// </summary>
    public IEnumerable<string> AllLinePayOrderIds() =>
        EarlierAttempts.Select(attempt => attempt.LinePayOrderId).Append(LinePayOrderId).Where(id => !string.IsNullOrEmpty(id));

    /// <summary>
    /// Gets where the payment was made, for notes and the order page: "live", "sandbox", "test API …"; null when the
    /// record does not say
    /// </summary>
    public string DescribeEnvironment() => ApiBaseAddress is { Length: > 0 } address ? $"test API {address}"
        : Sandbox switch { true => "sandbox", false => "live", null => null };

    /// <summary>
    /// Gets a value indicating whether real money moved: the payment was made on LINE Pay's live API
    /// </summary>
    [JsonIgnore]
    public bool IsLive => Sandbox == false && string.IsNullOrEmpty(ApiBaseAddress);

    /// <summary>
    /// Gets the amount as written on the wire, e.g. "100" for TWD, "12.5" for THB
    /// </summary>
    public string FormatAmount() => FormatAmount(Amount);

    /// <summary>
    /// Gets an amount in the payment's currency as written on the wire, e.g. "100 TWD"
    /// </summary>
    public string FormatAmount(decimal amount) => LinePayCurrencyScale.Format(amount, Currency);
}
