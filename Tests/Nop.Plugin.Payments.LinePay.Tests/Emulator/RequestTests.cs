using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinePay.Emulator;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class RequestTests : EmulatorTest
{
    [TestCase(3)]
    [TestCase(4)]
    public async Task RequestReservesATransactionAndAnswersPaymentUrls(int version)
    {
        var orderId = PaymentRequestBody.NewOrderId();

        var answer = await Api.PostAsync($"/v{version}/payments/request", PaymentRequestBody.Create(orderId, "100"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.ContentType, Is.EqualTo("application/json"));
        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        Assert.That(answer.ReturnMessage, Is.EqualTo("Success."));
        var transactionId = answer.Info.GetProperty("transactionId").GetInt64();
        var web = answer.Info.GetProperty("paymentUrl").GetProperty("web").GetString();
        Assert.That(web, Does.StartWith($"{Emulator.BaseAddress}web/payment/wait?transactionReserveId="));
        var token = web![(web.IndexOf('=') + 1)..];
        Assert.That(answer.Info.GetProperty("paymentUrl").GetProperty("app").GetString(),
            Is.EqualTo($"line://pay/payment/{token}"));
        Assert.That(answer.Info.GetProperty("paymentAccessToken").GetString(), Does.Match("^[0-9]{12}$"));

        var stored = Emulator.Transactions.Find(transactionId)!;
        Assert.That(stored.OrderId, Is.EqualTo(orderId));
        Assert.That(stored.State, Is.EqualTo(TransactionState.Reserved));
        Assert.That(stored.Amount, Is.EqualTo(100m));
        Assert.That(stored.Currency, Is.EqualTo("TWD"));
        Assert.That(stored.Capture, Is.True);
        Assert.That(stored.PaymentUrl, Is.EqualTo(new Uri(web)));
    }

    [Test]
    public async Task TransactionIdIsABare19DigitNumberAbove2Pow53()
    {
        var answer = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));

        var literal = Regex.Match(answer.Body, "\"transactionId\":([^,}]+)").Groups[1].Value;
        Assert.That(literal, Does.Match("^[0-9]{19}$"), "a bare JSON number, not a string");
        var id = long.Parse(literal);
        Assert.That(id, Is.GreaterThan(1L << 53));
        Assert.That((long)(double)id, Is.Not.EqualTo(id), "a double cannot hold it, so a client parsing doubles fails");
        Assert.That(literal[..8], Is.EqualTo(DateTime.UtcNow.ToString("yyyyMMdd")).Or.EqualTo(DateTime.UtcNow.AddMinutes(-1).ToString("yyyyMMdd")));
    }

    [TestCase("TWD", "100.0", "1124")]
    [TestCase("TWD", "100.00", "1124")]
    [TestCase("THB", "100.505", "1124")]
    [TestCase("THB", "100.50", "0000")]
    [TestCase("USD", "10.26", "0000")]
    [TestCase("TWD", "100", "0000")]
    public async Task AmountLiteralMustFitTheCurrencyScale(string currency, string amount, string expected)
    {
        var answer = await Api.PostAsync("/v3/payments/request",
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), amount, currency));

        Assert.That(answer.ReturnCode, Is.EqualTo(expected), answer.ToString());
    }

    [Test]
    public async Task FractionalProductPriceInTwdIs1124()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "TWD", ("Pen", 2, "50.0"));

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("1124"));
    }

    [Test]
    public async Task AmountMustBeTheSumOfPackages()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100");
        body["amount"] = 120;

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("1124"));
        Assert.That(answer.HasInfo, Is.False);
    }

    [Test]
    public async Task PackageAmountMustBeTheSumOfPriceTimesQuantity()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "TWD", ("Pen", 3, "50"));

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("1124"));
    }

    [Test]
    public async Task SeveralPackagesAndProductsAddUp()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "70", "TWD", ("Pen", 2, "20"), ("Ink", 1, "30"));
        var second = body["packages"]![0]!.DeepClone();
        second["id"] = "pkg-2";
        body["packages"]!.AsArray().Add(second);
        body["amount"] = 140;

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"), answer.ToString());
    }

    [Test]
    public async Task UserFeeCountsOnV3Only()
    {
        JsonObject WithUserFee()
        {
            var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100");
            body["packages"]![0]!["userFee"] = 20;
            body["amount"] = 120;
            return body;
        }

        var v3 = await Api.PostAsync("/v3/payments/request", WithUserFee());
        var v4 = await Api.PostAsync("/v4/payments/request", WithUserFee());

        Assert.That(v3.ReturnCode, Is.EqualTo("0000"));
        Assert.That(v4.ReturnCode, Is.EqualTo("1124"));
    }

    [Test]
    public async Task MalformedJsonIs2102()
    {
        var answer = await Api.PostAsync("/v3/payments/request", "{\"amount\":100,");

        Assert.That(answer.ReturnCode, Is.EqualTo("2102"));
    }

    public static IEnumerable<TestCaseData> InvalidBodies()
    {
        TestCaseData Case(string name, Action<JsonObject> change) => new TestCaseData(change).SetName("2101: " + name);

        yield return Case("missing orderId", b => b.Remove("orderId"));
        yield return Case("orderId over 100 characters", b => b["orderId"] = new string('x', 101));
        yield return Case("missing currency", b => b.Remove("currency"));
        yield return Case("missing amount", b => b.Remove("amount"));
        yield return Case("amount as a string", b => b["amount"] = "100");
        yield return Case("no packages", b => b["packages"] = new JsonArray());
        yield return Case("package id over 50 characters", b => b["packages"]![0]!["id"] = new string('p', 51));
        yield return Case("package name over 100 characters", b => b["packages"]![0]!["name"] = new string('n', 101));
        yield return Case("product without name", b => b["packages"]![0]!["products"]![0]!.AsObject().Remove("name"));
        yield return Case("product without quantity",
            b => b["packages"]![0]!["products"]![0]!.AsObject().Remove("quantity"));
        yield return Case("imageUrl over 500 characters",
            b => b["packages"]![0]!["products"]![0]!["imageUrl"] = "https://img.example/" + new string('i', 490));
        yield return Case("missing confirmUrl", b => b["redirectUrls"]!.AsObject().Remove("confirmUrl"));
        yield return Case("relative cancelUrl", b => b["redirectUrls"]!["cancelUrl"] = "/cancel");
        yield return Case("confirmUrl over 500 characters",
            b => b["redirectUrls"]!["confirmUrl"] = "https://shop.example/" + new string('c', 490));
        yield return Case("unknown confirmUrlType", b => b["redirectUrls"]!["confirmUrlType"] = "BROWSER");
        yield return Case("missing redirectUrls", b => b.Remove("redirectUrls"));
        yield return Case("capture not a boolean", b => b.WithPayment()["options"]!["payment"]!["capture"] = "false");
        yield return Case("unknown payType", b => b.WithPayment()["options"]!["payment"]!["payType"] = "LATER");
        yield return Case("unknown locale", b => b["options"] = JsonNode.Parse("""{"display":{"locale":"fr"}}"""));
        yield return Case("branchName over 200 characters",
            b => b["options"] = new JsonObject { ["extra"] = new JsonObject { ["branchName"] = new string('b', 201) } });
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task InvalidFieldIs2101(Action<JsonObject> change)
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId());
        change(body);

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("2101"), answer.ToString());
    }

    [Test]
    public async Task ConfirmUrlTypeNoneNeedsNoRedirectUrls()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId());
        body["redirectUrls"] = new JsonObject { ["confirmUrlType"] = "NONE" };

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"), answer.ToString());
        Assert.That(Emulator.Transactions.Find(answer.Info.GetProperty("transactionId").GetInt64())!.ConfirmUrlType,
            Is.EqualTo("NONE"));
    }

    [Test]
    public async Task LongBranchIdIsAcceptedAsLinePayTruncatesIt()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId());
        body["options"] = new JsonObject { ["extra"] = new JsonObject { ["branchId"] = new string('b', 40) } };

        var answer = await Api.PostAsync("/v3/payments/request", body);

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task CurrencyTheMerchantDoesNotHaveIs1178()
    {
        var answer = await Api.PostAsync("/v3/payments/request",
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "JPY"));

        Assert.That(answer.ReturnCode, Is.EqualTo("1178"));
    }

    [Test]
    public async Task ZeroAmountIs1183()
    {
        var answer = await Api.PostAsync("/v3/payments/request",
            PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "0", "TWD", ("Free", 1, "0")));

        Assert.That(answer.ReturnCode, Is.EqualTo("1183"));
    }

    [Test]
    public async Task OrderIdOfAnUnpaidReservationCanBeReused()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var first = await Api.RequestAsync(PaymentRequestBody.Create(orderId));
        await Emulator.CancelAsync(first);

        var second = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId));

        Assert.That(second.ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Transactions.FindByOrderId(orderId), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task OrderIdOfAPaidTransactionIs1172()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var paid = await ApprovedPaymentAsync(orderId: orderId);
        await Api.ConfirmAsync(paid, "100");

        var again = await Api.PostAsync("/v3/payments/request", PaymentRequestBody.Create(orderId));

        Assert.That(again.ReturnCode, Is.EqualTo("1172"));
    }

    [Test]
    public async Task SettingsChangeLimitsAndCodes()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            AmountMismatchReturnCode = "2101",
            MaximumAmount = 1000,
            PreapprovedAllowed = false,
            OrderIdReuse = OrderIdReusePolicy.Strict,
            AcceptNumericStringAmounts = true,
            CurrencyScales = new Dictionary<string, int> { ["THB"] = 2 }
        });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        var mismatch = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "THB");
        mismatch["amount"] = 90;
        var stringAmount = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "THB");
        stringAmount["amount"] = "100";
        var orderId = PaymentRequestBody.NewOrderId();
        await api.RequestAsync(PaymentRequestBody.Create(orderId, "100", "THB"));

        var answers = new Dictionary<string, string>
        {
            ["mismatch"] = (await api.PostAsync("/v3/payments/request", mismatch)).ReturnCode,
            ["above maximum"] = (await api.PostAsync("/v3/payments/request",
                PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "2000", "THB"))).ReturnCode,
            ["preapproved"] = (await api.PostAsync("/v3/payments/request",
                PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "100", "THB").WithPayment(payType: "PREAPPROVED"))).ReturnCode,
            ["reuse of a reserved orderId"] = (await api.PostAsync("/v3/payments/request",
                PaymentRequestBody.Create(orderId, "100", "THB"))).ReturnCode,
            ["string amount"] = (await api.PostAsync("/v3/payments/request", stringAmount)).ReturnCode,
            ["TWD not configured"] = (await api.PostAsync("/v3/payments/request",
                PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()))).ReturnCode
        };

        Assert.That(answers, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["mismatch"] = "2101",
            ["above maximum"] = "1184",
            ["preapproved"] = "1194",
            ["reuse of a reserved orderId"] = "1172",
            ["string amount"] = "0000",
            ["TWD not configured"] = "1178"
        }));
    }
}
