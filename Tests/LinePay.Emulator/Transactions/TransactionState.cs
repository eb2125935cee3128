namespace LinePay.Emulator.Transactions;

/// <summary>
/// Where a transaction is in LINE Pay's life cycle
/// </summary>
public enum TransactionState
{
    /// <summary>Requested; the customer has not approved it yet (Check 0000)</summary>
    Reserved,

    /// <summary>Approved by the customer, waiting for Confirm (Check 0110)</summary>
    Authenticated,

    /// <summary>Cancelled by the customer (Check 0121)</summary>
    Cancelled,

    /// <summary>Not approved or not confirmed within the payment URL's lifetime (Check 0121)</summary>
    Expired,

    /// <summary>The payment failed on LINE Pay's side (Check 0122)</summary>
    Failed,

    /// <summary>Confirmed with capture=false: authorized, waiting for Capture or Void</summary>
    Authorized,

    /// <summary>Paid: confirmed with capture=true, or captured after authorization</summary>
    Captured,

    /// <summary>Captured, then refunded in full</summary>
    Refunded,

    /// <summary>Authorization voided</summary>
    Voided,

    /// <summary>Authorization not captured before authorizationExpireDate</summary>
    AuthorizationExpired
}
