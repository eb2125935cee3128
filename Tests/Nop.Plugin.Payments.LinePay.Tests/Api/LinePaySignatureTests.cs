using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Tests.Api;

[TestFixture]
public class LinePaySignatureTests
{
    internal const string Secret = "0123456789abcdef0123456789abcdef";
    internal const string Nonce = "44453d45-768e-40e8-8349-748e797c450f";

    internal const string VectorABody =
        "{\"amount\":100,\"currency\":\"TWD\",\"orderId\":\"ORDER-0001\",\"packages\":[{\"id\":\"pkg-1\",\"amount\":100,\"products\":[{\"name\":\"Pen\",\"quantity\":2,\"price\":50}]}],\"redirectUrls\":{\"confirmUrl\":\"https://shop.example/linepay/confirm\",\"cancelUrl\":\"https://shop.example/linepay/cancel\"}}";

    // research §2.4, vectors A–F
    [TestCase("/v3/payments/request", VectorABody, "da9Ez1tqSmTgHEUcBoKIF5lWU0qjlrGP6/b1XsBhDvs=", TestName = "A: POST request")]
    [TestCase("/v3/payments/2023042201206549310/confirm", "{\"amount\":100,\"currency\":\"TWD\"}", "285spRmpXpW/utuE4oqmerqWYpoaCdEFrTB6BtfcER0=", TestName = "B: POST confirm")]
    [TestCase("/v3/payments", "transactionId=2023042201206549310&orderId=ORDER-0001", "9sYClSznCc4VSEdlDBDf6WUxdI5weZ0pQJh5ACq5+4o=", TestName = "C: GET details with query")]
    [TestCase("/v3/payments/requests/2023042201206549310/check", "", "C5Jg+llXhGaCY6Dq5R/SLqhlb4nfZ+iZNb+Iy9qMMs4=", TestName = "D: GET check without query")]
    [TestCase("/v4/payments/2023042201206549310/refund", "", "0WHV3fDnGqzJN1yH7iUjwCt0BfjkawYMqaMMfOqAbMs=", TestName = "E: POST empty body")]
    [TestCase("/v3/payments/request", "{\"amount\":100,\"currency\":\"TWD\",\"orderId\":\"訂單-1\"}", "5gQIYAIjbBUUEqeTQzdQcYK3G3N6gn5Roz9UVrMI41E=", TestName = "F: POST UTF-8 body")]
    public void ComputesTheDocumentedVector(string apiPath, string bodyOrQuery, string expected)
    {
        Assert.That(LinePaySignature.Compute(Secret, apiPath, bodyOrQuery, Nonce), Is.EqualTo(expected));
    }

    [Test]
    public void NullBodySignsLikeTheEmptyString()
    {
        Assert.That(LinePaySignature.Compute(Secret, "/v4/payments/2023042201206549310/refund", null, Nonce),
            Is.EqualTo("0WHV3fDnGqzJN1yH7iUjwCt0BfjkawYMqaMMfOqAbMs="));
    }
}
