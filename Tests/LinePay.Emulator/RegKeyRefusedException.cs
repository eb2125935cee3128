using LinePay.Emulator.Transactions;

namespace LinePay.Emulator;

/// <summary>
/// A change to a regKey that <see cref="RegKeys"/> refused: the key does not exist (<see cref="Key"/> is null) or its
/// state does not allow the change (<see cref="Key"/> is the key as it is)
/// </summary>
public sealed class RegKeyRefusedException(string message, RegKeySnapshot? key) : InvalidOperationException(message)
{
    public RegKeySnapshot? Key { get; } = key;
}
