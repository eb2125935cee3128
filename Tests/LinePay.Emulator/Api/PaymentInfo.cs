using System.Text.Json.Nodes;

namespace LinePay.Emulator.Api;

/// <summary>
/// Pieces of info shared by several answers
/// </summary>
public static class PaymentInfo
{
    public static JsonArray PayInfo(string method, decimal amount) =>
        [new JsonObject { ["method"] = method, ["amount"] = JsonValues.Amount(amount) }];

    /// <summary>v4 answers name the payment provider; online payments are always TSP</summary>
    public static void AddProvider(JsonObject info, int apiVersion)
    {
        if (apiVersion >= 4)
            info["paymentProvider"] = "TSP";
    }
}
