using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayJsonTests
{
    private const long AboveDoublePrecision = 2023042201206549310; // > 2^53: a double would turn it into ...549312

    [Test]
    public void WritesTheRequestOfVectorAByteForByteWithNullsOmitted()
    {
        var request = new PaymentRequest
        {
            Amount = 100.0000m,
            Currency = "TWD",
            OrderId = "ORDER-0001",
            Packages =
            [
                new PaymentPackage
                {
                    Id = "pkg-1",
                    Amount = 100.00m,
                    Products = [new PaymentProduct { Name = "Pen", Quantity = 2, Price = 50.0000m }]
                }
            ],
            RedirectUrls = new PaymentRedirectUrls
            {
                ConfirmUrl = "https://shop.example/linepay/confirm",
                CancelUrl = "https://shop.example/linepay/cancel"
            }
        };

        Assert.That(Json(request, "TWD"), Is.EqualTo(LinePaySignatureTests.VectorABody));
    }

    [Test]
    public void WritesNonAsciiTextAsRawUtf8LikeVectorF()
    {
        var request = new PaymentRequest { Amount = 100m, Currency = "TWD", OrderId = "訂單-1", Packages = null };

        Assert.That(Json(request, "TWD"), Is.EqualTo("{\"amount\":100,\"currency\":\"TWD\",\"orderId\":\"訂單-1\"}"));
    }

    [Test]
    public void WritesEachBodyWholeWhenSmallAndLargeBodiesTakeTurns()
    {
        //the writing thread reuses its text buffer: a large body (past what is kept), then small ones, then a large one
        var bodies = new[] { RequestWithLines(400), RequestWithLines(1), new PaymentRequest { Amount = 100m, Currency = "TWD", OrderId = "訂單-1" }, RequestWithLines(40) };

        foreach (var body in bodies.Concat(bodies))
        {
            var json = Json(body, "TWD");
            Assert.That(json, Does.StartWith($"{{\"amount\":{body.Amount},\"currency\":\"TWD\",\"orderId\":\"{body.OrderId}\"").And.EndWith("}"));
            Assert.That(JToken.Parse(json).SelectTokens("packages[*].products[*]").Count(), Is.EqualTo(body.Packages?.Sum(package => package.Products.Count) ?? 0));
        }
    }

    [Test]
    public void WritesAWholeBodyAfterOneThatWasRefusedHalfway()
    {
        Assert.Throws<ArgumentException>(() => LinePayJson.SerializeToUtf8Bytes(RequestWithAFractionalTwdPrice(), "TWD"));

        Assert.That(Json(new AmountRequest { Amount = 1500m, Currency = "TWD" }, "TWD"), Is.EqualTo("{\"amount\":1500,\"currency\":\"TWD\"}"));
    }

    [TestCase("TWD", "100.0000", "100")]
    [TestCase("TWD", "0", "0")]
    [TestCase("TWD", "1234567", "1234567")]
    [TestCase("THB", "12.50", "12.5")]
    [TestCase("THB", "12.34", "12.34")]
    [TestCase("THB", "100.00", "100")]
    [TestCase("USD", "0.1000", "0.1")]
    [TestCase("USD", "-20.00", "-20")]
    public void WritesAmountsInTheCurrencysScale(string currency, string amount, string expected)
    {
        var body = new AmountRequest { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency = currency };

        Assert.That(Json(body, currency), Is.EqualTo($"{{\"amount\":{expected},\"currency\":\"{currency}\"}}"));
    }

    [TestCase("TWD", "100.5")]
    [TestCase("TWD", "0.01")]
    [TestCase("THB", "12.345")]
    [TestCase("USD", "0.001")]
    public void RefusesAmountsWithMoreDecimalsThanTheCurrencyAllows(string currency, string amount)
    {
        var body = new AmountRequest { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency = currency };

        var error = Assert.Throws<ArgumentException>(() => Json(body, currency));
        Assert.That(error.Message, Does.Contain(amount).And.Contain(currency));
    }

    [Test]
    public void RefusesAFractionInANestedAmountToo()
    {
        Assert.Throws<ArgumentException>(() => Json(RequestWithAFractionalTwdPrice(), "TWD"));
    }

    [TestCase("JPY")]
    [TestCase("twd")]
    [TestCase(null)]
    public void RefusesCurrenciesLinePayDoesNotList(string currency)
    {
        Assert.Throws<ArgumentException>(() => Json(new AmountRequest { Amount = 1m, Currency = currency }, currency));
    }

    [Test]
    public void WritesV4RegPayRequestWithItsOwnAmountsScaled()
    {
        var options = new PaymentRequestOptions
        {
            Payment = new PaymentOptions { PayType = "PREAPPROVED" },
            RegPayRequest = new RegPayRequest { RegPayPeriodType = "RECURRING", RecurringPeriod = "MONTH", RecurringDay = 1, ProductPrice = 300.00m }
        };

        Assert.That(Json(options, "TWD"),
            Is.EqualTo("{\"payment\":{\"payType\":\"PREAPPROVED\"},\"regPayRequest\":{\"regPayPeriodType\":\"RECURRING\",\"recurringPeriod\":\"MONTH\",\"recurringDay\":1,\"productPrice\":300}}"));
    }

    [Test]
    public void ReadsNineteenDigitIdsFromJsonNumbersWithoutLoss()
    {
        var json = "{\"returnCode\":\"0000\",\"returnMessage\":\"success\",\"info\":[{\"transactionId\":2023042201206549310,\"orderId\":\"A\"," +
            "\"refundList\":[{\"refundTransactionId\":2023042201206549311,\"transactionType\":\"PARTIAL_REFUND\",\"refundAmount\":-20,\"refundTransactionDate\":\"2023-04-22T09:15:01Z\"}]," +
            "\"originalTransactionId\":9223372036854775807}]}";

        var details = LinePayJson.Deserialize<LinePayResponse<List<PaymentDetailsInfo>>>(json).Info.Single();

        Assert.That(AboveDoublePrecision, Is.GreaterThan(1L << 53));
        Assert.That((long)(double)AboveDoublePrecision, Is.Not.EqualTo(AboveDoublePrecision), "the test id must be one a double cannot hold");
        Assert.That(details.TransactionId, Is.EqualTo(AboveDoublePrecision));
        Assert.That(details.RefundList.Single().RefundTransactionId, Is.EqualTo(2023042201206549311));
        Assert.That(details.RefundList.Single().RefundAmount, Is.EqualTo(-20m));
        Assert.That(details.RefundList.Single().RefundTransactionDate, Is.EqualTo(new DateTimeOffset(2023, 4, 22, 9, 15, 1, TimeSpan.Zero)));
        Assert.That(details.OriginalTransactionId, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void ReadsNineteenDigitIdsFromStrings()
    {
        var json = "{\"returnCode\":\"0000\",\"info\":{\"refundTransactionId\":\"2023042201206549311\",\"refundTransactionDate\":\"2018-08-25T09:15:01Z\"}}";

        var refund = LinePayJson.Deserialize<LinePayResponse<RefundInfo>>(json).Info;

        Assert.That(refund.RefundTransactionId, Is.EqualTo(2023042201206549311));
    }

    [Test]
    public void ReadsAmountsAsExactDecimals()
    {
        var json = "{\"returnCode\":\"0000\",\"info\":{\"orderId\":\"A\",\"transactionId\":2023042201206549310,\"payInfo\":[{\"method\":\"CREDIT_CARD\",\"amount\":0.1},{\"method\":\"POINT\",\"amount\":0.2}]}}";

        var confirm = LinePayJson.Deserialize<LinePayResponse<ConfirmResponseInfo>>(json).Info;

        Assert.That(confirm.PayInfo.Sum(p => p.Amount), Is.EqualTo(0.3m));
    }

    [Test]
    public void ReadsTheLegacyErrorEnvelope()
    {
        var envelope = LinePayJson.Deserialize<LinePayResponse>("{\"resultCode\":1104,\"statusMessage\":\"Merchant not found.\"}");

        Assert.That(envelope.EffectiveReturnCode, Is.EqualTo("1104"));
        Assert.That(envelope.EffectiveReturnMessage, Is.EqualTo("Merchant not found."));
    }

    private static string Json(object body, string currency) =>
        System.Text.Encoding.UTF8.GetString(LinePayJson.SerializeToUtf8Bytes(body, currency));

    private static PaymentRequest RequestWithAFractionalTwdPrice() => new()
    {
        Amount = 100m,
        Currency = "TWD",
        OrderId = "o",
        Packages = [new PaymentPackage { Id = "p", Amount = 100m, Products = [new PaymentProduct { Name = "n", Quantity = 3, Price = 33.33m }] }]
    };

    private static PaymentRequest RequestWithLines(int lines)
    {
        var products = Enumerable.Range(1, lines)
            .Select(line => new PaymentProduct { Id = line.ToString(System.Globalization.CultureInfo.InvariantCulture), Name = $"烏龍茶 {line}", Quantity = 1, Price = 120m })
            .ToList();

        return new PaymentRequest
        {
            Amount = 120m * lines,
            Currency = "TWD",
            OrderId = $"order-{lines}",
            Packages = [new PaymentPackage { Id = "1", Amount = 120m * lines, Products = products }]
        };
    }
}
