using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// LINE Pay's JSON: camelCase, compact, nulls omitted, amounts in the currency's scale; numbers are read as
/// Int64 (transaction IDs) or decimal, never through double
/// </summary>
internal static class LinePayJson
{
    private static readonly IContractResolver _contractResolver =
        new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() };

    private static readonly JsonSerializerSettings _readSettings = new()
    {
        ContractResolver = _contractResolver,
        FloatParseHandling = FloatParseHandling.Decimal,
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore
    };

    /// <summary>
    /// Serialises a request body once; the returned string is what is signed and sent
    /// </summary>
    /// <exception cref="ArgumentException">An amount has more decimal places than the currency allows, or the currency is unknown</exception>
    public static string Serialize(object body, string currency)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = _contractResolver,
            NullValueHandling = NullValueHandling.Ignore,
            Formatting = Formatting.None,
            Converters = [new LinePayAmountConverter(currency)]
        };

        return JsonConvert.SerializeObject(body, settings);
    }

    /// <exception cref="JsonException">The text is not JSON of the expected shape</exception>
    public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, _readSettings);
}
