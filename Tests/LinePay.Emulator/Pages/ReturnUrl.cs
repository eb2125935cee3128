namespace LinePay.Emulator.Pages;

/// <summary>
/// Builds the URL LINE Pay sends the customer back to: the merchant's confirmUrl or cancelUrl with transactionId and
/// orderId appended, keeping the query it already has and not repeating a parameter it already carries
/// </summary>
public static class ReturnUrl
{
    public static string Build(string merchantUrl, long transactionId, string orderId)
    {
        var fragmentStart = merchantUrl.IndexOf('#');
        var fragment = fragmentStart < 0 ? string.Empty : merchantUrl[fragmentStart..];
        var url = fragmentStart < 0 ? merchantUrl : merchantUrl[..fragmentStart];

        var queryStart = url.IndexOf('?');
        var existingKeys = queryStart < 0
            ? []
            : url[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => Uri.UnescapeDataString(pair.Split('=')[0]))
                .ToHashSet(StringComparer.Ordinal);

        var added = new List<string>();
        if (!existingKeys.Contains("transactionId"))
            added.Add($"transactionId={transactionId}");
        if (!existingKeys.Contains("orderId"))
            added.Add($"orderId={Uri.EscapeDataString(orderId)}");
        if (added.Count == 0)
            return merchantUrl;

        var separator = queryStart < 0 ? "?" : url.EndsWith('?') || url.EndsWith('&') ? string.Empty : "&";
        return url + separator + string.Join('&', added) + fragment;
    }
}
