using System.Text.Json.Nodes;

namespace LinePay.Emulator.Api;

/// <summary>
/// LINE Pay's envelope: always HTTP 200, the outcome in returnCode, info only on success
/// </summary>
public sealed record ApiResponse(string ReturnCode, string ReturnMessage, JsonNode? Info = null)
{
    public static ApiResponse Ok(string message, JsonNode? info = null) => new(ReturnCodes.Success, message, info);

    public static ApiResponse Error(string returnCode, string? message = null) =>
        new(returnCode, message ?? ReturnCodes.MessageFor(returnCode));

    public JsonObject ToJson()
    {
        var envelope = new JsonObject
        {
            ["returnCode"] = ReturnCode,
            ["returnMessage"] = ReturnMessage
        };
        if (Info is not null)
            envelope["info"] = Info.DeepClone();

        return envelope;
    }
}
