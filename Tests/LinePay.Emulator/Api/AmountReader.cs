using System.Globalization;
using System.Text.Json;

namespace LinePay.Emulator.Api;

/// <summary>
/// Reads amounts from their raw JSON literals: a literal with more decimals than the currency allows (100.0 in TWD)
/// is LINE Pay's 1124, whatever its value
/// </summary>
public sealed class AmountReader(EmulatorSettings settings)
{
    /// <summary>The merchant currency's number of decimals; 1178 for a currency the merchant does not have</summary>
    public int ScaleOf(string currency) =>
        settings.CurrencyScales.TryGetValue(currency, out var scale)
            ? scale
            : throw new ApiError(ReturnCodes.CurrencyNotSupported);

    public decimal Required(JsonElement parent, string name, string currency) =>
        Optional(parent, name, currency) ?? throw JsonBody.Missing(name);

    public decimal? Optional(JsonElement parent, string name, string currency)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;

        var literal = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String when settings.AcceptNumericStringAmounts => value.GetString()!,
            _ => throw new ApiError(ReturnCodes.ParameterError, $"{name} must be a number.")
        };

        if (!decimal.TryParse(literal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
                | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var amount))
            throw new ApiError(ReturnCodes.ParameterError, $"{name} must be a number.");

        CheckScale(amount, currency);
        return amount;
    }

    /// <summary>1124 when the amount, as written, has more decimals than the currency allows (10.0m in TWD too)</summary>
    public void CheckScale(decimal amount, string currency)
    {
        if (amount.Scale > ScaleOf(currency))
            throw new ApiError(ReturnCodes.AmountError);
    }
}
