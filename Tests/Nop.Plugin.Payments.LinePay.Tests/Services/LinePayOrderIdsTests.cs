using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests.Services;

[TestFixture]
public class LinePayOrderIdsTests
{
    private static readonly Guid OrderGuid = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    [Test]
    public void AnOrderIdNamesTheOrderAndTheAttempt()
    {
        var orderId = LinePayOrderIds.Create(OrderGuid, 12);

        Assert.That(orderId, Is.EqualTo("3f2504e04f8911d39a0c0305e82c3301-12"));
        Assert.That(LinePayOrderIds.TryParse(orderId, out var guid, out var attempt), Is.True);
        Assert.That((guid, attempt), Is.EqualTo((OrderGuid, 12)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301-0")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301-01")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301-10000")]
    [TestCase("3F2504E04F8911D39A0C0305E82C3301-1")]
    [TestCase(" 3f2504e04f8911d39a0c0305e82c3301-1")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301-1\n")]
    [TestCase("3f2504e0-4f89-11d3-9a0c-0305e82c3301-1")]
    [TestCase("00000000000000000000000000000000-1")]
    [TestCase("3f2504e04f8911d39a0c0305e82c3301-1&orderId=x")]
    public void AnythingElseIsRefused(string value)
    {
        Assert.That(LinePayOrderIds.TryParse(value, out _, out _), Is.False);
    }

    [Test]
    public void AttemptsOutsideTheFormatCannotBeCreated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinePayOrderIds.Create(OrderGuid, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinePayOrderIds.Create(OrderGuid, LinePayOrderIds.MaxAttempt + 1));
    }
}
