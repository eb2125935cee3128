using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePayBaseAddressTests
{
    private const string DetailsAnswer = "{\"returnCode\":\"1150\",\"returnMessage\":\"Transaction record not found.\"}";

    [TestCase("https://sandbox-api-pay.line.me")]
    [TestCase("https://linepay-emulator.example.com/linepay/")]
    [TestCase("http://127.0.0.1:5080/")]
    [TestCase("http://127.10.20.30/")]
    [TestCase("http://[::1]:5080/")]
    [TestCase("http://localhost:5080/")]
    [TestCase("http://LOCALHOST:5080/linepay")]
    public void AcceptsHttpsAnywhereAndHttpToThisComputer(string address)
    {
        Assert.That(LinePayBaseAddress.Parse(address, out var uri), Is.EqualTo(LinePayBaseAddressProblem.None));
        Assert.That(uri, Is.EqualTo(new Uri(address)));
    }

    [TestCase("http://api-pay.line.me/")]
    [TestCase("http://192.168.1.20:5080/")]
    [TestCase("http://10.0.0.1/")]
    [TestCase("http://localhost.example.com/")]
    [TestCase("http://emulator/")]
    [TestCase("http://[2001:db8::1]/")]
    public void RefusesPlainHttpToAnyOtherHost(string address)
    {
        Assert.That(LinePayBaseAddress.Parse(address, out var uri), Is.EqualTo(LinePayBaseAddressProblem.HttpsRequired));
        Assert.That(uri, Is.Null);
    }

    [TestCase("localhost:5080")]
    [TestCase("/relative/path")]
    [TestCase("ftp://example.com/")]
    [TestCase("https://example.com/?x=1")]
    [TestCase("https://example.com/#top")]
    [TestCase("https://user:password@example.com/")]
    [TestCase("")]
    public void RefusesWhatIsNotAnAbsoluteHttpAddressOrWouldBeDropped(string address)
    {
        Assert.That(LinePayBaseAddress.Parse(address, out _), Is.EqualTo(LinePayBaseAddressProblem.Invalid));
    }

    [TestCase("/linepay/")]
    [TestCase("/linepay")]
    [TestCase("/a/b/")]
    public async Task APathInTheAddressPrefixesTheApiPathAndTheSignatureStaysLinePays(string path)
    {
        await using var server = LoopbackServer.Answering(DetailsAnswer);
        var client = new LinePayClient(new HttpClient(LinePayClient.CreateHttpHandler()), new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = new Uri(server.BaseAddress, path)
        });

        await client.GetPaymentDetailsAsync(orderIds: ["ORDER-0001"]);

        var sent = server.Requests.Single();
        var prefix = "/" + path.Trim('/');
        Assert.That(sent.Target, Is.EqualTo($"{prefix}/v3/payments?orderId=ORDER-0001"));
        Assert.That(sent.Header("X-LINE-Authorization"), Is.EqualTo(LinePaySignature.Compute(LinePayClientTests.Secret, "/v3/payments",
            "orderId=ORDER-0001", sent.Header("X-LINE-Authorization-Nonce"))), "signed with LINE Pay's API path");
    }

    [TestCase("http://192.168.1.20:5080/", "https")]
    [TestCase("https://example.com/?x=1", "absolute http or https")]
    public void TheClientRefusesAnAddressTheRulesRefuse(string address, string explanation)
    {
        var error = Assert.Throws<ArgumentException>(() => new LinePayClient(new HttpClient(), new LinePayClientOptions
        {
            ChannelId = LinePayClientTests.ChannelId,
            ChannelSecret = LinePayClientTests.Secret,
            BaseAddress = new Uri(address)
        }));

        Assert.That(error.Message, Does.Contain(explanation));
    }
}
