using System.Text.RegularExpressions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class ControlTests : EmulatorTest
{
    [Test]
    public async Task TransactionsArePublishedAsHtmlAndJson()
    {
        var orderId = "ORDER-<i>" + Guid.NewGuid().ToString("N")[..6];
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(orderId));
        await Emulator.CancelAsync(transactionId);
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        var html = await http.GetStringAsync("emulator");
        var json = await http.GetStringAsync("emulator/transactions");

        Assert.That(html, Does.Contain($"<td>{transactionId}</td>"));
        Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(orderId)));
        Assert.That(html, Does.Contain("<td>Cancelled</td>"));
        Assert.That(json, Does.Contain($"\"transactionId\":{transactionId},"));
        Assert.That(Regex.IsMatch(json, $"\"transactionId\":{transactionId},[^{{}}]*\"state\":\"Cancelled\""));
    }

    [Test]
    public async Task CallJournalIsPublishedAsJson()
    {
        var transactionId = await Api.RequestAsync(PaymentRequestBody.Create(PaymentRequestBody.NewOrderId()));
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        var json = await http.GetStringAsync("emulator/calls");

        Assert.That(json, Does.Contain("\"endpoint\":\"Request\""));
        Assert.That(json, Does.Contain($"\"transactionId\":{transactionId}"));
        Assert.That(json, Does.Contain("\"path\":\"/v3/payments/request\""));
    }
}
