using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Api;

/// <summary>
/// What the preapproved endpoints answer for a key that can no longer pay: 1141 when the customer removed the
/// payment method, 1193 when it expired
/// </summary>
internal static class UnusableRegKey
{
    /// <summary>Throws the key's answer unless it is usable; called under the key's lock</summary>
    public static void ThrowUnlessUsable(PreapprovedKey key, EmulatorSettings settings)
    {
        switch (key.State)
        {
            case RegKeyState.Removed:
                throw new ApiError(ReturnCodes.PaymentMethodRemoved);
            case RegKeyState.Expired:
                throw new ApiError(ReturnCodes.RegKeyExpired);
        }
    }
}
