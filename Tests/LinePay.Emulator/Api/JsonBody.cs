using System.Text.Json;

namespace LinePay.Emulator.Api;

/// <summary>
/// Reads request bodies the way the emulator validates them: malformed JSON is 2102, a missing, mistyped or too long
/// field is 2101. Numbers are kept as raw literals so that their scale can be checked.
/// </summary>
public static class JsonBody
{
    /// <summary>Parses a body that must be a JSON object</summary>
    public static JsonElement ParseObject(byte[] body)
    {
        var root = Parse(body);
        if (root.ValueKind != JsonValueKind.Object)
            throw new ApiError(ReturnCodes.JsonFormatError);

        return root;
    }

    /// <summary>Parses a body that may be empty (void, expire, full refund); an empty body reads as {}</summary>
    public static JsonElement ParseOptionalObject(byte[] body)
    {
        if (body.Length == 0 || body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            return Parse("{}"u8.ToArray());

        return ParseObject(body);
    }

    public static string RequiredString(JsonElement parent, string name, int maxLength) =>
        OptionalString(parent, name, maxLength) ?? throw Missing(name);

    public static string? OptionalString(JsonElement parent, string name, int maxLength)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ApiError(ReturnCodes.ParameterError, $"{name} must be a string.");

        var text = value.GetString()!;
        if (text.Length == 0)
            throw Missing(name);
        if (text.Length > maxLength)
            throw new ApiError(ReturnCodes.ParameterError, $"{name} is longer than {maxLength} characters.");

        return text;
    }

    public static bool? OptionalBoolean(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ApiError(ReturnCodes.ParameterError, $"{name} must be a boolean.")
        };
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw new ApiError(ReturnCodes.ParameterError, $"{name} must be an object.");

        return value;
    }

    public static JsonElement RequiredArray(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array
            || value.GetArrayLength() == 0)
            throw Missing(name);

        return value;
    }

    public static int RequiredPositiveInteger(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
            throw Missing(name);
        if (!value.TryGetInt32(out var number) || number <= 0)
            throw new ApiError(ReturnCodes.ParameterError, $"{name} must be a positive whole number.");

        return number;
    }

    public static ApiError Missing(string name) => new(ReturnCodes.ParameterError, $"{name} is required.");

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiError(ReturnCodes.JsonFormatError);
        }
    }
}
