using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Benchmarks.Support;

/// <summary>
/// Request API bodies shaped like the ones the checkout sends: one package per order, one product per order line
/// </summary>
public static class SampleRequests
{
    public const string Currency = "TWD";

    /// <param name="lines">Order lines, each a product with its own name, quantity and price</param>
    public static PaymentRequest Create(int lines, string orderId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301-1")
    {
        var products = Enumerable.Range(1, lines).Select(line => new PaymentProduct
        {
            Id = (1000 + line).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = $"Oolong tea, 150 g tin (harvest {line})",
            Quantity = 1 + line % 3,
            Price = 120m + 10m * line
        }).ToList();
        var amount = products.Sum(product => product.Price * product.Quantity);

        return new PaymentRequest
        {
            Amount = amount,
            Currency = Currency,
            OrderId = orderId,
            Packages = [new PaymentPackage { Id = "1042", Name = "Order #1042", Amount = amount, Products = products }],
            RedirectUrls = new PaymentRedirectUrls
            {
                ConfirmUrl = "https://shop.example/Plugins/PaymentLinePay/Confirm",
                CancelUrl = "https://shop.example/Plugins/PaymentLinePay/Cancel"
            },
            Options = new PaymentRequestOptions
            {
                Payment = new PaymentOptions { Capture = true },
                Display = new DisplayOptions { Locale = "zh_TW" }
            }
        };
    }
}
