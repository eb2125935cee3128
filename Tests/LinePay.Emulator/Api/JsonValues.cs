using System.Globalization;
using System.Text.Json.Nodes;

namespace LinePay.Emulator.Api;

/// <summary>
/// How values go on the wire: amounts with no trailing zeros (TWD as integers), dates as ISO-8601 UTC seconds
/// </summary>
public static class JsonValues
{
    public static JsonNode Amount(decimal amount)
    {
        if (amount == decimal.Truncate(amount))
            return JsonValue.Create((long)amount);

        var normalized = decimal.Parse(amount.ToString("0.############################", CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture);
        return JsonValue.Create(normalized);
    }

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
