using System.Globalization;
using Newtonsoft.Json;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Writes every amount of a request body in the scale of the call's currency. Newtonsoft would write 100m as "100.0",
/// which LINE Pay refuses for TWD.
/// </summary>
internal class LinePayAmountConverter : JsonConverter
{
    private readonly string _currency;

    public LinePayAmountConverter(string currency)
    {
        LinePayCurrencyScale.GetDecimals(currency);
        _currency = currency;
    }

    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(decimal) || objectType == typeof(decimal?);

    public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer)
    {
        var amount = LinePayCurrencyScale.ToWireAmount((decimal)value, _currency);
        writer.WriteRawValue(amount.ToString(CultureInfo.InvariantCulture));
    }

    public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException();
}
