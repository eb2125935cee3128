using System.Globalization;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Decimal places LINE Pay accepts per currency. TWD amounts with a fraction (even "100.0") are refused with 1124.
/// </summary>
public static class LinePayCurrencyScale
{
    private static readonly Dictionary<string, int> _decimals = new(StringComparer.Ordinal)
    {
        ["TWD"] = 0,
        ["THB"] = 2,
        ["USD"] = 2
    };

    /// <summary>
    /// Gets the currencies LINE Pay's Online API documents
    /// </summary>
    public static IReadOnlyCollection<string> SupportedCurrencies => _decimals.Keys;

    /// <summary>
    /// Gets the number of decimal places of the currency
    /// </summary>
    /// <exception cref="ArgumentException">The currency is not one LINE Pay supports</exception>
    public static int GetDecimals(string currency)
    {
        if (currency is null || !_decimals.TryGetValue(currency, out var decimals))
            throw new ArgumentException(
                $"Currency '{currency}' is not supported by LINE Pay; use one of {string.Join(", ", _decimals.Keys)}.",
                nameof(currency));

        return decimals;
    }

    /// <summary>
    /// Rounds the amount half away from zero to the currency's decimal places
    /// </summary>
    /// <exception cref="ArgumentException">The currency is not one LINE Pay supports</exception>
    public static decimal Round(decimal amount, string currency) =>
        decimal.Round(amount, GetDecimals(currency), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Gets the amount with its currency as written on the wire, e.g. "100 TWD", "12.5 THB"
    /// </summary>
    public static string Format(decimal amount, string currency) =>
        $"{ToWireAmount(amount, currency).ToString(CultureInfo.InvariantCulture)} {currency}";

    /// <summary>
    /// Returns the amount without trailing zeros (100.0000 → 100, 12.50 → 12.5), the form it is written in on the wire
    /// </summary>
    /// <exception cref="ArgumentException">The amount has more decimal places than the currency allows; it is never rounded</exception>
    public static decimal ToWireAmount(decimal amount, string currency)
    {
        var decimals = GetDecimals(currency);
        var rounded = decimal.Round(amount, decimals);
        if (rounded != amount)
            throw new ArgumentException(
                $"Amount {amount.ToString(CultureInfo.InvariantCulture)} has more than {decimals} decimal places allowed for {currency}; round it to the currency first.",
                nameof(amount));

        // dividing by 1 with 28 zero decimals drops trailing zeros without changing the value
        return rounded / 1.0000000000000000000000000000m;
    }
}
