using LinePay.Emulator;
using LinePay.Emulator.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class SignatureTests : EmulatorTest
{
    private const string VectorNonce = "44453d45-768e-40e8-8349-748e797c450f";
    private const long VectorTransactionId = 2023042201206549310;

    public static IEnumerable<TestCaseData> Vectors()
    {
        yield return new TestCaseData("POST", "/v3/payments/request",
            """{"amount":100,"currency":"TWD","orderId":"ORDER-0001","packages":[{"id":"pkg-1","amount":100,"products":[{"name":"Pen","quantity":2,"price":50}]}],"redirectUrls":{"confirmUrl":"https://shop.example/linepay/confirm","cancelUrl":"https://shop.example/linepay/cancel"}}""",
            "da9Ez1tqSmTgHEUcBoKIF5lWU0qjlrGP6/b1XsBhDvs=", "0000").SetName("Vector A: POST request");
        yield return new TestCaseData("POST", $"/v3/payments/{VectorTransactionId}/confirm",
            """{"amount":100,"currency":"TWD"}""",
            "285spRmpXpW/utuE4oqmerqWYpoaCdEFrTB6BtfcER0=", "1150").SetName("Vector B: POST confirm");
        yield return new TestCaseData("GET", "/v3/payments",
            $"transactionId={VectorTransactionId}&orderId=ORDER-0001",
            "9sYClSznCc4VSEdlDBDf6WUxdI5weZ0pQJh5ACq5+4o=", "1150").SetName("Vector C: GET details with a query");
        yield return new TestCaseData("GET", $"/v3/payments/requests/{VectorTransactionId}/check", "",
            "C5Jg+llXhGaCY6Dq5R/SLqhlb4nfZ+iZNb+Iy9qMMs4=", "1150").SetName("Vector D: GET check without a query");
        yield return new TestCaseData("POST", $"/v4/payments/{VectorTransactionId}/refund", "",
            "0WHV3fDnGqzJN1yH7iUjwCt0BfjkawYMqaMMfOqAbMs=", "1150").SetName("Vector E: POST v4 refund, empty body");
        yield return new TestCaseData("POST", "/v3/payments/request",
            """{"amount":100,"currency":"TWD","orderId":"訂單-1"}""",
            "5gQIYAIjbBUUEqeTQzdQcYK3G3N6gn5Roz9UVrMI41E=", "2101").SetName("Vector F: POST with UTF-8 body");
    }

    [TestCaseSource(nameof(Vectors))]
    public void TestClientSignsTheDocumentedVectors(string method, string apiPath, string payload, string expected,
        string _)
    {
        Assert.That(LinePayTestClient.Sign(Emulator.ChannelSecret, apiPath, payload, VectorNonce), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Vectors))]
    public async Task EmulatorAcceptsTheDocumentedVectors(string method, string apiPath, string payload, string signature,
        string expectedCode)
    {
        var call = method == "GET"
            ? new SignedCall(HttpMethod.Get, apiPath, Query: payload, Nonce: VectorNonce, Signature: signature)
            : new SignedCall(HttpMethod.Post, apiPath, Body: payload, Nonce: VectorNonce, Signature: signature);

        var answer = await Api.SendAsync(call);

        Assert.That(answer.ReturnCode, Is.EqualTo(expectedCode), answer.ToString());
    }

    [Test]
    public async Task WrongSignatureIs1106()
    {
        var orderId = PaymentRequestBody.NewOrderId();
        var answer = await Api.SendAsync(new SignedCall(HttpMethod.Post, "/v3/payments/request",
            Body: PaymentRequestBody.Create(orderId).ToJsonString(), Signature: Convert.ToBase64String(new byte[32])));

        Assert.That(answer.ReturnCode, Is.EqualTo("1106"));
        Assert.That(answer.ReturnMessage, Does.Contain("request verification Failed"));
        Assert.That(answer.HasInfo, Is.False);
        Assert.That(Emulator.Transactions.FindByOrderId(orderId), Is.Empty);
    }

    [Test]
    public async Task BodyChangedAfterSigningIs1106()
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()).ToJsonString();
        var nonce = Guid.NewGuid().ToString();
        var signatureOfCompactBody = LinePayTestClient.Sign(Emulator.ChannelSecret, "/v3/payments/request", body, nonce);

        var answer = await Api.SendAsync(new SignedCall(HttpMethod.Post, "/v3/payments/request",
            Body: body.Replace(",", ", "), Nonce: nonce, Signature: signatureOfCompactBody));

        Assert.That(answer.ReturnCode, Is.EqualTo("1106"));
    }

    [Test]
    public async Task GetSignedWithLeadingQuestionMarkIs1106()
    {
        const string query = "transactionId=2023042201206549310";
        var nonce = Guid.NewGuid().ToString();

        var withMark = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments", Query: query, Nonce: nonce,
            Signature: LinePayTestClient.Sign(Emulator.ChannelSecret, "/v3/payments", "?" + query, nonce)));
        var withoutMark = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments", Query: query, Nonce: nonce,
            Signature: LinePayTestClient.Sign(Emulator.ChannelSecret, "/v3/payments", query, nonce)));

        Assert.That(withMark.ReturnCode, Is.EqualTo("1106"));
        Assert.That(withoutMark.ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task GetSignedWithoutItsQueryIs1106ByDefault()
    {
        var nonce = Guid.NewGuid().ToString();
        var answer = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments",
            Query: "transactionId=2023042201206549310", Nonce: nonce,
            Signature: LinePayTestClient.Sign(Emulator.ChannelSecret, "/v3/payments", "", nonce)));

        Assert.That(answer.ReturnCode, Is.EqualTo("1106"));
    }

    [TestCase("X-LINE-ChannelId", "X-LINE-ChannelId is required")]
    [TestCase("X-LINE-Authorization-Nonce", "nonce is required")]
    [TestCase("X-LINE-Authorization", "authorization is required")]
    public async Task MissingHeaderIs1106(string header, string message)
    {
        var answer = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments/requests/2023042201206549310/check")
        {
            OmitHeaders = [header]
        });

        Assert.That(answer.ReturnCode, Is.EqualTo("1106"));
        Assert.That(answer.ReturnMessage, Does.Contain(message));
    }

    [TestCase("not-a-number")]
    [TestCase("9999999999")]
    public async Task WrongChannelIdIs1106(string channelId)
    {
        var answer = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments/requests/2023042201206549310/check",
            ChannelId: channelId));

        Assert.That(answer.ReturnCode, Is.EqualTo("1106"));
        Assert.That(answer.ReturnMessage, Does.Contain("X-LINE-ChannelId data is invalid"));
    }

    [Test]
    public async Task RejectedCallsAreJournaledWithTheirCode()
    {
        await Api.SendAsync(new SignedCall(HttpMethod.Post, "/v4/payments/2023042201206549310/confirm",
            Body: """{"amount":100,"currency":"TWD"}""", Signature: "AAAA"));

        var call = Emulator.Journal.Calls.Single();
        Assert.That(call.Endpoint, Is.EqualTo(LinePayEndpoint.Confirm));
        Assert.That(call.ApiVersion, Is.EqualTo(4));
        Assert.That(call.ReturnCode, Is.EqualTo("1106"));
        Assert.That(call.TransactionId, Is.EqualTo(2023042201206549310));
    }

    [Test]
    public async Task SettingsChooseTheAlternativeCodesAndStrictNonces()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            WrongSignatureReturnCode = "1104",
            UnknownChannelReturnCode = "1104",
            RejectReusedNonce = true,
            AcceptGetSignedWithoutQuery = true
        });
        using var api = new LinePayTestClient(emulator.BaseAddress, emulator.ChannelId, emulator.ChannelSecret);
        const string check = "/v3/payments/requests/2023042201206549310/check";

        var wrongSecret = await api.SendAsync(new SignedCall(HttpMethod.Get, check, Signature: "AAAA"));
        var unknownChannel = await api.SendAsync(new SignedCall(HttpMethod.Get, check, ChannelId: "1111111111"));
        var first = await api.SendAsync(new SignedCall(HttpMethod.Get, check, Nonce: "reused-nonce"));
        var replay = await api.SendAsync(new SignedCall(HttpMethod.Get, check, Nonce: "reused-nonce"));
        var queryNotSigned = await api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments",
            Query: "transactionId=2023042201206549310", Nonce: "other-nonce",
            Signature: LinePayTestClient.Sign(emulator.ChannelSecret, "/v3/payments", "", "other-nonce")));

        Assert.That(wrongSecret.ReturnCode, Is.EqualTo("1104"));
        Assert.That(unknownChannel.ReturnCode, Is.EqualTo("1104"));
        Assert.That(first.ReturnCode, Is.EqualTo("1150"));
        Assert.That(replay.ReturnCode, Is.EqualTo("1106"));
        Assert.That(queryNotSigned.ReturnCode, Is.EqualTo("1150"));
    }

    [Test]
    public async Task NonceReuseIsAcceptedByDefault()
    {
        const string check = "/v3/payments/requests/2023042201206549310/check";

        var first = await Api.SendAsync(new SignedCall(HttpMethod.Get, check, Nonce: "same-nonce"));
        var second = await Api.SendAsync(new SignedCall(HttpMethod.Get, check, Nonce: "same-nonce"));

        Assert.That(new[] { first.ReturnCode, second.ReturnCode }, Is.All.EqualTo("1150"));
    }
}
