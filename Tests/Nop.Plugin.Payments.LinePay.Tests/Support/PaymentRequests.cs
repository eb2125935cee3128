using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// Payment Requests as a caller of <see cref="Services.Api.LinePayClient"/> builds them
/// </summary>
public static class PaymentRequests
{
    public const string ConfirmUrl = "https://shop.example/linepay/confirm?storeId=1";
    public const string CancelUrl = "https://shop.example/linepay/cancel?storeId=1";

    /// <summary>One package of <paramref name="quantity"/> × <paramref name="price"/>; amounts as the caller would compute them</summary>
    public static PaymentRequest Create(decimal price = 50m, int quantity = 2, string currency = "TWD",
        bool? capture = null, string payType = null, string orderId = null)
    {
        var amount = price * quantity;
        return new PaymentRequest
        {
            Amount = amount,
            Currency = currency,
            OrderId = orderId ?? PaymentRequestBody.NewOrderId(),
            Packages =
            [
                new PaymentPackage
                {
                    Id = "pkg-1",
                    Amount = amount,
                    Name = "Shop",
                    Products = [new PaymentProduct { Id = "SKU-1", Name = "Pen", Quantity = quantity, Price = price }]
                }
            ],
            RedirectUrls = new PaymentRedirectUrls { ConfirmUrl = ConfirmUrl, CancelUrl = CancelUrl },
            Options = capture is null && payType is null
                ? null
                : new PaymentRequestOptions { Payment = new PaymentOptions { Capture = capture, PayType = payType } }
        };
    }
}
