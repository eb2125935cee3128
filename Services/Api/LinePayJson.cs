using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// LINE Pay's JSON: camelCase, compact, nulls omitted, amounts in the currency's scale; numbers are read as
/// Int64 (transaction IDs) or decimal, never through double. The serializers are built once (one per currency for
/// writing) and shared: Newtonsoft's JsonSerializer is safe to share while its settings are not changed, and building
/// one per call cost more than the call's own JSON. They do not take JsonConvert.DefaultSettings of the host.
/// </summary>
internal static class LinePayJson
{
    private static readonly IContractResolver _contractResolver =
        new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() };

    private static readonly JsonSerializer _reader = CreateReader();

    private static readonly ConcurrentDictionary<string, JsonSerializer> _writers = new(StringComparer.Ordinal);

    //serialising a body never awaits, so each thread can reuse one text buffer; one that grew past this is let go
    private const int ReusedTextCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringBuilder _reusedText;

    /// <summary>
    /// Serialises a request body once into the UTF-8 bytes that are signed and sent
    /// </summary>
    /// <exception cref="ArgumentException">An amount has more decimal places than the currency allows, or the currency is unknown</exception>
    public static byte[] SerializeToUtf8Bytes(object body, string currency)
    {
        var text = Write(body, currency);
        var chunks = text.GetChunks();
        //a reused buffer holds the body in one chunk: encode it without an intermediate string
        var bytes = chunks.MoveNext() && chunks.Current.Length == text.Length
            ? Encode(chunks.Current.Span)
            : Encoding.UTF8.GetBytes(text.ToString());
        Release(text);
        return bytes;
    }

    /// <exception cref="JsonException">The text is not JSON of the expected shape</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        using var reader = new JsonTextReader(new StringReader(json)) { ArrayPool = LinePayJsonCharPool.Instance };
        return _reader.Deserialize<T>(reader);
    }

    private static StringBuilder Write(object body, string currency)
    {
        LinePayCurrencyScale.GetDecimals(currency);
        var serializer = _writers.GetOrAdd(currency, CreateWriter);

        var text = _reusedText ?? new StringBuilder(1024);
        _reusedText = null;
        text.Clear();
        try
        {
            using var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { ArrayPool = LinePayJsonCharPool.Instance };
            serializer.Serialize(writer, body);
            return text;
        }
        catch
        {
            Release(text);
            throw;
        }
    }

    private static void Release(StringBuilder text)
    {
        if (text.Capacity <= ReusedTextCapacity)
            _reusedText = text;
    }

    private static byte[] Encode(ReadOnlySpan<char> json)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(json)];
        Encoding.UTF8.GetBytes(json, bytes);
        return bytes;
    }

    private static JsonSerializer CreateReader()
    {
        var serializer = JsonSerializer.Create(new JsonSerializerSettings
        {
            ContractResolver = _contractResolver,
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            MissingMemberHandling = MissingMemberHandling.Ignore
        });
        //as JsonConvert.DeserializeObject: text after the JSON value is an error
        serializer.CheckAdditionalContent = true;
        return serializer;
    }

    private static JsonSerializer CreateWriter(string currency) => JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = _contractResolver,
        NullValueHandling = NullValueHandling.Ignore,
        Formatting = Formatting.None,
        Converters = [new LinePayAmountConverter(currency)]
    });
}
