using System.Globalization;
using System.Security.Cryptography;

namespace LinePay.Emulator.Transactions;

/// <summary>
/// Issues identifiers shaped like LINE Pay's. Transaction ids are 19 digits (yyyyMMdd + 11 digits), always above 2^53
/// and never exactly representable as a double, so a client that parses them as a double is caught.
/// </summary>
public sealed class IdentifierGenerator(TimeProvider clock)
{
    private const string RegKeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly object _sync = new();
    private long _sequence = RandomNumberGenerator.GetInt32(1_000_000, 9_000_000) * 10_000L;

    public long NextTransactionId()
    {
        var datePrefix = long.Parse(clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture);
        lock (_sync)
        {
            while (true)
            {
                _sequence = (_sequence + RandomNumberGenerator.GetInt32(1, 98)) % 100_000_000_000L;
                var id = datePrefix * 100_000_000_000L + _sequence;
                if ((long)(double)id != id)
                    return id;
            }
        }
    }

    /// <summary>"RK" and 13 upper-case letters or digits</summary>
    public string NextRegKey() => "RK" + RandomNumberGenerator.GetString(RegKeyAlphabet, 13);

    /// <summary>The 12-digit code a customer can type into the LINE app</summary>
    public string NextPaymentAccessToken() => RandomNumberGenerator.GetString("0123456789", 12);

    /// <summary>The opaque id in paymentUrl (transactionReserveId)</summary>
    public string NextReserveToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
