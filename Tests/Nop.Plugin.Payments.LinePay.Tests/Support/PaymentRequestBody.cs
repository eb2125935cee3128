using System.Text.Json.Nodes;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// Builds Request API bodies with amounts written as the exact literals given ("100", "100.0"), one package of
/// products; tests change the JSON tree for the odd cases
/// </summary>
public static class PaymentRequestBody
{
    public const string ConfirmUrl = "https://shop.example/linepay/confirm";
    public const string CancelUrl = "https://shop.example/linepay/cancel";

    public static JsonObject Create(string orderId, string amount = "100", string currency = "TWD",
        params (string Name, int Quantity, string Price)[] products)
    {
        if (products.Length == 0)
            products = [("Pen", 2, Half(amount))];

        return new JsonObject
        {
            ["amount"] = JsonNode.Parse(amount),
            ["currency"] = currency,
            ["orderId"] = orderId,
            ["packages"] = new JsonArray(new JsonObject
            {
                ["id"] = "pkg-1",
                ["amount"] = JsonNode.Parse(amount),
                ["name"] = "Shop",
                ["products"] = new JsonArray(products.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["quantity"] = p.Quantity,
                    ["price"] = JsonNode.Parse(p.Price)
                }).ToArray())
            }),
            ["redirectUrls"] = new JsonObject
            {
                ["confirmUrl"] = ConfirmUrl,
                ["cancelUrl"] = CancelUrl
            }
        };
    }

    /// <summary>Authorize only (capture=false) and/or PREAPPROVED</summary>
    public static JsonObject WithPayment(this JsonObject body, bool capture = true, string payType = "NORMAL")
    {
        body["options"] = new JsonObject
        {
            ["payment"] = new JsonObject { ["capture"] = capture, ["payType"] = payType }
        };
        return body;
    }

    public static string NewOrderId() => "ORDER-" + Guid.NewGuid().ToString("N")[..12];

    private static string Half(string amount) =>
        (decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) / 2)
        .ToString(System.Globalization.CultureInfo.InvariantCulture);
}
