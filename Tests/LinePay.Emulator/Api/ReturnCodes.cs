namespace LinePay.Emulator.Api;

/// <summary>
/// The return codes the emulator answers, with LINE Pay's wording where it is known
/// </summary>
public static class ReturnCodes
{
    public const string Success = "0000";
    public const string Authenticated = "0110";
    public const string CancelledOrExpired = "0121";
    public const string PaymentFailed = "0122";
    public const string PaymentCompleted = "0123";
    public const string MerchantNotFound = "1104";
    public const string HeaderError = "1106";
    public const string AmountError = "1124";
    public const string PaymentMethodRemoved = "1141";
    public const string NoTransaction = "1150";
    public const string AmountDiffers = "1153";
    public const string NotRefundable = "1155";
    public const string RefundPeriodExpired = "1163";
    public const string ExceedsRefundable = "1164";
    public const string AlreadyRefunded = "1165";
    public const string NotApprovedByUser = "1169";
    public const string OrderIdExists = "1172";
    public const string TooManyTransactions = "1177";
    public const string CurrencyNotSupported = "1178";
    public const string InvalidState = "1179";
    public const string PaymentExpired = "1180";
    public const string AmountTooLow = "1183";
    public const string AmountTooHigh = "1184";
    public const string RegKeyNotFound = "1190";
    public const string RegKeyExpired = "1193";
    public const string PreapprovedNotAllowed = "1194";
    public const string RegKeyInUse = "1197";
    public const string DuplicateRequest = "1198";
    public const string ParameterError = "2101";
    public const string JsonFormatError = "2102";
    public const string InternalError = "9000";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [CancelledOrExpired] = "cancelled or expired transaction.",
        [PaymentFailed] = "failed transaction.",
        [PaymentCompleted] = "completed transaction.",
        [MerchantNotFound] = "Merchant not found.",
        [HeaderError] = "Header information error.",
        [AmountError] = "Error in Amount info.",
        [PaymentMethodRemoved] = "The user's account or payment method cannot be used.",
        [NoTransaction] = "Transaction record not found.",
        [AmountDiffers] = "The amount requested does not match the payment amount.",
        [NotRefundable] = "The transaction cannot be refunded.",
        [RefundPeriodExpired] = "The refund period has expired.",
        [ExceedsRefundable] = "The refund amount exceeds the refundable amount.",
        [AlreadyRefunded] = "This transaction has already been refunded or voided.",
        [NotApprovedByUser] = "The user has not completed the payment in LINE Pay yet.",
        [OrderIdExists] = "A transaction with the same order ID already exists.",
        [TooManyTransactions] = "More than 100 transactions were requested.",
        [CurrencyNotSupported] = "The currency is not supported by the merchant.",
        [InvalidState] = "The transaction cannot be processed in its current state.",
        [PaymentExpired] = "The payment time has expired.",
        [AmountTooLow] = "The amount must be greater than zero.",
        [AmountTooHigh] = "The amount exceeds the allowed maximum.",
        [RegKeyNotFound] = "The regKey does not exist.",
        [RegKeyExpired] = "The regKey has expired.",
        [PreapprovedNotAllowed] = "The merchant cannot use preapproved payments.",
        [RegKeyInUse] = "A payment with this regKey is already being processed.",
        [DuplicateRequest] = "The request is already being processed.",
        [ParameterError] = "Parameter error.",
        [JsonFormatError] = "JSON data format error.",
        [InternalError] = "Internal error."
    };

    /// <summary>LINE Pay's message for a code, or "-" when none applies</summary>
    public static string MessageFor(string returnCode) => Messages.GetValueOrDefault(returnCode, "-");
}
