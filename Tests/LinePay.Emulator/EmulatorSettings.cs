namespace LinePay.Emulator;

/// <summary>
/// Behaviour of the emulator. Where LINE Pay's documentation leaves a behaviour open, the setting holds the most
/// likely answer as its default so that tests can also exercise the alternatives. Bound from the "Emulator"
/// configuration section when run by hand; read on every call, so a test may change a value between calls.
/// </summary>
public sealed class EmulatorSettings
{
    public const string SectionName = "Emulator";

    /// <summary>Channel ID the emulator accepts in X-LINE-ChannelId</summary>
    public string ChannelId { get; set; } = "1234567890";

    /// <summary>Channel secret used to verify X-LINE-Authorization (a demo value, never a real one)</summary>
    public string ChannelSecret { get; set; } = "0123456789abcdef0123456789abcdef";

    /// <summary>Shown on the approval page and returned by Payment Details as merchantName</summary>
    public string MerchantName { get; set; } = "LINE Pay Emulator Shop";

    /// <summary>Base address written into paymentUrl.web; when empty, the address the API call was sent to</summary>
    public string? PublicBaseAddress { get; set; }

    /// <summary>How long the customer has to approve a reservation before Check reports 0121</summary>
    public TimeSpan PaymentUrlLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Lifetime of an authorization made with options.payment.capture=false (examples show 5 and 31 days)</summary>
    public TimeSpan AuthorizationLifetime { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long after capture a refund is accepted (then 1163); null for no limit, as the window is contractual</summary>
    public TimeSpan? RefundWindow { get; set; }

    /// <summary>Currencies of the merchant with the number of decimals each accepts; anything else answers 1178</summary>
    public Dictionary<string, int> CurrencyScales { get; set; } = new(StringComparer.Ordinal)
    {
        ["TWD"] = 0,
        ["THB"] = 2,
        ["USD"] = 2
    };

    /// <summary>Whether amounts sent as JSON strings ("100") are accepted; otherwise they answer 2101</summary>
    public bool AcceptNumericStringAmounts { get; set; }

    /// <summary>Code for amount ≠ Σ packages[].amount or packages[].amount ≠ Σ price × quantity (1124 or 2101)</summary>
    public string AmountMismatchReturnCode { get; set; } = "1124";

    /// <summary>Largest amount a Request accepts (above it 1184); null for no limit</summary>
    public decimal? MaximumAmount { get; set; }

    /// <summary>When a new Request may reuse an orderId already used by an earlier one</summary>
    public OrderIdReusePolicy OrderIdReuse { get; set; } = OrderIdReusePolicy.AllowUnlessPaid;

    /// <summary>Code for a Confirm of an already confirmed transaction (1172; alternatives 1152, 1198)</summary>
    public string SecondConfirmReturnCode { get; set; } = "1172";

    /// <summary>Code Check answers for an authorized (capture=false) payment</summary>
    public string AuthorizedCheckReturnCode { get; set; } = "0123";

    /// <summary>Code for a wrong signature with the right channel ID (1106; some sandboxes answered 1104)</summary>
    public string WrongSignatureReturnCode { get; set; } = "1106";

    /// <summary>Code for a numeric channel ID that is not the emulator's (1106; alternative 1104)</summary>
    public string UnknownChannelReturnCode { get; set; } = "1106";

    /// <summary>Whether a nonce already seen is rejected with 1106 (LINE Pay's behaviour is not documented)</summary>
    public bool RejectReusedNonce { get; set; }

    /// <summary>Whether a GET signed without its query string is accepted, as some clients sign it</summary>
    public bool AcceptGetSignedWithoutQuery { get; set; }

    /// <summary>Whether Payment Details also accepts transactionId[]= and orderId[]= besides repeated keys</summary>
    public bool AcceptBracketedDetailsKeys { get; set; } = true;

    /// <summary>Whether Capture answers a new transactionId instead of the authorized one</summary>
    public bool CaptureIssuesNewTransactionId { get; set; }

    /// <summary>Whether the merchant may request payType PREAPPROVED (otherwise 1194)</summary>
    public bool PreapprovedAllowed { get; set; } = true;

    /// <summary>
    /// What Expire regKey answers for a key whose payment method the customer removed (Pay and Check answer 1141, as
    /// documented; Expire's answer is not). 1141 by default, as the key answers elsewhere; 1193 is the other code
    /// Expire documents; "0000" lets the Expire succeed and the key end as expired.
    /// </summary>
    public string RemovedRegKeyExpireReturnCode { get; set; } = "1141";

    /// <summary>Added to the payInfo amount Confirm reports, to exercise a shop's check that payInfo adds up (0 = exact)</summary>
    public decimal ConfirmPayInfoDifference { get; set; }

    /// <summary>Whether Confirm's answer leaves out info.transactionId, to exercise a shop's handling of an incomplete answer</summary>
    public bool ConfirmAnswerOmitsTransactionId { get; set; }

    /// <summary>Funding method reported in payInfo[].method</summary>
    public string PayMethod { get; set; } = "CREDIT_CARD";

    /// <summary>
    /// How long a Confirm, Capture, Void, Refund or preapproved payment stays in flight before it is applied; a
    /// concurrent call on the same transaction (or regKey) meanwhile answers 1198 (1197)
    /// </summary>
    public TimeSpan ProcessingTime { get; set; } = TimeSpan.Zero;

    /// <summary>How many API calls the journal keeps; beyond it the oldest are dropped, so long runs stay in bounded memory</summary>
    public int JournalCapacity { get; set; } = 10_000;

    /// <summary>
    /// How many transactions the emulator remembers (at least 1). Beyond it the oldest is forgotten, with its refund ids
    /// and regKey, and then answers 1150 like a transaction past LINE Pay's history; one in flight is kept until done.
    /// </summary>
    public int TransactionCapacity { get; set; } = 100_000;

    /// <summary>
    /// How long after its Request a transaction is remembered, on the emulator's clock; older ones are forgotten as
    /// beyond <see cref="TransactionCapacity"/>. A year, so that a refund after a 30-day window still meets its
    /// transaction (and answers 1163); null keeps transactions whatever their age.
    /// </summary>
    public TimeSpan? TransactionRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Sets every setting of this instance to the value of the source (collections are copied, not shared)</summary>
    public void CopyFrom(EmulatorSettings source)
    {
        ChannelId = source.ChannelId;
        ChannelSecret = source.ChannelSecret;
        MerchantName = source.MerchantName;
        PublicBaseAddress = source.PublicBaseAddress;
        PaymentUrlLifetime = source.PaymentUrlLifetime;
        AuthorizationLifetime = source.AuthorizationLifetime;
        RefundWindow = source.RefundWindow;
        CurrencyScales = new Dictionary<string, int>(source.CurrencyScales, source.CurrencyScales.Comparer);
        AcceptNumericStringAmounts = source.AcceptNumericStringAmounts;
        AmountMismatchReturnCode = source.AmountMismatchReturnCode;
        MaximumAmount = source.MaximumAmount;
        OrderIdReuse = source.OrderIdReuse;
        SecondConfirmReturnCode = source.SecondConfirmReturnCode;
        AuthorizedCheckReturnCode = source.AuthorizedCheckReturnCode;
        WrongSignatureReturnCode = source.WrongSignatureReturnCode;
        UnknownChannelReturnCode = source.UnknownChannelReturnCode;
        RejectReusedNonce = source.RejectReusedNonce;
        AcceptGetSignedWithoutQuery = source.AcceptGetSignedWithoutQuery;
        AcceptBracketedDetailsKeys = source.AcceptBracketedDetailsKeys;
        CaptureIssuesNewTransactionId = source.CaptureIssuesNewTransactionId;
        PreapprovedAllowed = source.PreapprovedAllowed;
        RemovedRegKeyExpireReturnCode = source.RemovedRegKeyExpireReturnCode;
        ConfirmPayInfoDifference = source.ConfirmPayInfoDifference;
        ConfirmAnswerOmitsTransactionId = source.ConfirmAnswerOmitsTransactionId;
        PayMethod = source.PayMethod;
        ProcessingTime = source.ProcessingTime;
        JournalCapacity = source.JournalCapacity;
        TransactionCapacity = source.TransactionCapacity;
        TransactionRetention = source.TransactionRetention;
    }
}
