namespace LinePay.Emulator.Transactions;

/// <summary>
/// Whether a regKey can still pay, and if not, what ended it
/// </summary>
public enum RegKeyState
{
    /// <summary>Pay Preapproved and Check regKey accept it (0000)</summary>
    Usable,

    /// <summary>The customer removed the payment method in LINE Pay; the key answers 1141, the shop needs a new one</summary>
    Removed,

    /// <summary>Ended by the Expire regKey API or by LINE Pay itself (e.g. the card expired); the key answers 1193</summary>
    Expired
}
