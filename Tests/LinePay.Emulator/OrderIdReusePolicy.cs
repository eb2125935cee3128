namespace LinePay.Emulator;

/// <summary>
/// Whether a Request may reuse the orderId of an earlier Request (LINE Pay documents only that orderId is unique)
/// </summary>
public enum OrderIdReusePolicy
{
    /// <summary>Reuse is refused (1172) only when an earlier transaction with that orderId was confirmed</summary>
    AllowUnlessPaid,

    /// <summary>Any reuse is refused with 1172</summary>
    Strict
}
