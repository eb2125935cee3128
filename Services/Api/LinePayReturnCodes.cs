using System.Globalization;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// LINE Pay return codes the plugin acts on, and the classification of every documented code
/// </summary>
public static class LinePayReturnCodes
{
    /// <summary>
    /// Success; on Check Payment Request Status: the customer has not finished authentication yet
    /// </summary>
    public const string Success = "0000";

    /// <summary>
    /// Check Payment Request Status: the customer authenticated; call Confirm
    /// </summary>
    public const string Authenticated = "0110";

    /// <summary>
    /// Check Payment Request Status: cancelled by the customer or the wait for authentication expired
    /// </summary>
    public const string CancelledOrExpired = "0121";

    /// <summary>
    /// Check Payment Request Status: the payment failed
    /// </summary>
    public const string Failed = "0122";

    /// <summary>
    /// Check Payment Request Status: the payment is completed
    /// </summary>
    public const string Completed = "0123";

    /// <summary>
    /// No merchant with these credentials (an unknown channel, or a wrong secret on some sandboxes)
    /// </summary>
    public const string MerchantNotFound = "1104";

    /// <summary>
    /// The request headers were refused, commonly a signature that does not match
    /// </summary>
    public const string HeaderError = "1106";

    /// <summary>
    /// No transaction with this ID or order ID; on Payment Details: no confirmed payment matches
    /// </summary>
    public const string TransactionNotFound = "1150";

    /// <summary>
    /// Already refunded or voided
    /// </summary>
    public const string AlreadyRefundedOrVoided = "1165";

    /// <summary>
    /// The transaction is not in a state that allows the call
    /// </summary>
    public const string InvalidState = "1179";

    /// <summary>
    /// The payment (or its authorization) has expired
    /// </summary>
    public const string Expired = "1180";

    /// <summary>
    /// LINE Pay already has a payment with the orderId
    /// </summary>
    public const string OrderIdExists = "1172";

    /// <summary>
    /// A payment with the regKey is being processed
    /// </summary>
    public const string RegKeyInUse = "1197";

    private static readonly HashSet<string> _status = [Authenticated, CancelledOrExpired, Failed, Completed];

    private static readonly HashSet<string> _callerErrors =
    [
        "1104", "1105", "1106", "1115", "1124", "1133", "1153", "1155", "1159", "1164", "1177", "1178", "1179",
        "1183", "1184", "1194", "2101", "2102", "2103", "2104"
    ];

    // 1150 (no transaction) and 1169 (customer has not approved yet) may also mean "not yet visible": read the state.
    private static readonly HashSet<string> _ambiguous =
        ["1145", TransactionNotFound, "1152", "1169", OrderIdExists, RegKeyInUse, "1198", "1199", "9000"];

    private static readonly HashSet<string> _final =
    [
        "1101", "1102", "1110", "1141", "1142", "1154", "1163", "1165", "1170", "1180", "1190", "1193",
        "2020", "2021", "2022", "2023", "2024", "2042"
    ];

    /// <summary>
    /// Classifies a return code. Codes LINE Pay does not document are ambiguous: the state must be read before any retry.
    /// </summary>
    public static LinePayReturnCodeClass Classify(string returnCode)
    {
        if (returnCode == Success)
            return LinePayReturnCodeClass.Success;
        if (returnCode is null)
            return LinePayReturnCodeClass.Ambiguous;
        if (_status.Contains(returnCode))
            return LinePayReturnCodeClass.Status;
        if (_callerErrors.Contains(returnCode))
            return LinePayReturnCodeClass.CallerError;
        if (_ambiguous.Contains(returnCode))
            return LinePayReturnCodeClass.Ambiguous;
        if (_final.Contains(returnCode) || IsCardDecline(returnCode))
            return LinePayReturnCodeClass.Final;
        if (returnCode == "1999" || IsTemporaryError(returnCode))
            return LinePayReturnCodeClass.Retryable;

        return LinePayReturnCodeClass.Ambiguous;
    }

    /// <summary>
    /// Gets a value indicating whether the code is a card issuer's decline (1280–1298; on Capture the authorization is
    /// cancelled automatically)
    /// </summary>
    public static bool IsCardDecline(string code) =>
        code?.Length == 4 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1280 and <= 1298;

    /// <summary>
    /// Gets a value indicating whether LINE Pay no longer accepts the regKey after answering the code: the customer
    /// removed the payment method (1141), it cannot be used (1154), the key is unknown (1190) or expired (1193), or a
    /// card decline that discards it (1282–1287, 1290–1295); a new key is issued by a new pre-approved payment
    /// </summary>
    public static bool IsRegKeyUnusable(string code) =>
        code is "1141" or "1154" or "1190" or "1193"
        || IsCardDecline(code) && int.Parse(code, CultureInfo.InvariantCulture) is >= 1282 and <= 1287 or >= 1290 and <= 1295;

    // 190X: temporary error, try again later
    private static bool IsTemporaryError(string code) => code.Length == 4 && code.StartsWith("190", StringComparison.Ordinal) && char.IsAsciiDigit(code[3]);
}
