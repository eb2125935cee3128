using System.Text.Json;
using LinePay.Emulator;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// Refunds and voids the merchant makes in Merchant Center, outside the API, as the signed API then reports them
/// </summary>
public class MerchantCenterTests : EmulatorTest
{
    [Test]
    public async Task AFullRefundShowsInPaymentDetailsAndIsNoApiCall()
    {
        var transactionId = await ConfirmedPaymentAsync();

        var refund = Emulator.MerchantCenter.Refund(transactionId);

        Assert.That((refund.Amount, refund.TransactionType), Is.EqualTo((100m, "PAYMENT_REFUND")));
        var details = await PaymentDetailsAsync(transactionId);
        var listed = details.GetProperty("refundList").EnumerateArray().Single();
        Assert.That(listed.GetProperty("refundTransactionId").GetInt64(), Is.EqualTo(refund.RefundTransactionId));
        Assert.That(listed.GetProperty("refundAmount").GetDecimal(), Is.EqualTo(-100m));
        Assert.That(listed.GetProperty("transactionType").GetString(), Is.EqualTo("PAYMENT_REFUND"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Refunded));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Refund), Is.Empty);
        Assert.That((await Api.RefundAsync(transactionId, "1")).ReturnCode, Is.EqualTo("1165"));
    }

    [Test]
    public async Task PartialRefundsRepeatUntilTheRestIsRefunded()
    {
        var transactionId = await ConfirmedPaymentAsync();

        var first = Emulator.MerchantCenter.Refund(transactionId, 30m);
        var afterFirst = Emulator.Transactions.Find(transactionId)!;
        var second = Emulator.MerchantCenter.Refund(transactionId, 50m);
        var rest = Emulator.MerchantCenter.Refund(transactionId);

        Assert.That(afterFirst.State, Is.EqualTo(TransactionState.Captured));
        Assert.That(new[] { first.Amount, second.Amount, rest.Amount }, Is.EqualTo(new[] { 30m, 50m, 20m }));
        var listed = (await PaymentDetailsAsync(transactionId)).GetProperty("refundList").EnumerateArray().ToArray();
        Assert.That(listed.Select(r => r.GetProperty("refundAmount").GetDecimal()), Is.EqualTo(new[] { -30m, -50m, -20m }));
        Assert.That(listed.Select(r => r.GetProperty("transactionType").GetString()), Is.All.EqualTo("PARTIAL_REFUND"));
        Assert.That(listed.Select(r => r.GetProperty("refundTransactionId").GetInt64()),
            Is.EqualTo(new[] { first.RefundTransactionId, second.RefundTransactionId, rest.RefundTransactionId }));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Refunded));
    }

    [Test]
    public async Task ARefundAndAnApiRefundShareTheRefundableAmount()
    {
        var transactionId = await ConfirmedPaymentAsync();
        Emulator.MerchantCenter.Refund(transactionId, 70m);

        var tooMuch = await Api.RefundAsync(transactionId, "31");
        var refused = Assert.Throws<MerchantCenterRefusedException>(() => Emulator.MerchantCenter.Refund(transactionId, 31m));

        Assert.That(tooMuch.ReturnCode, Is.EqualTo("1164"));
        Assert.That(refused.ReturnCode, Is.EqualTo("1164"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.EqualTo(70m));
        Assert.That((await PaymentDetailsAsync(transactionId)).GetProperty("refundList").GetArrayLength(), Is.EqualTo(1));
    }

    [TestCase("10.5", "1124")]
    [TestCase("10.0", "1124")]
    [TestCase("0", "1183")]
    [TestCase("101", "1164")]
    public async Task ARefundTheApiWouldRefuseIsRefusedWithItsReturnCode(string amount, string expected)
    {
        var transactionId = await ConfirmedPaymentAsync();

        var refused = Assert.Throws<MerchantCenterRefusedException>(() =>
            Emulator.MerchantCenter.Refund(transactionId, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(refused.ReturnCode, Is.EqualTo(expected));
        Assert.That(Emulator.Transactions.Find(transactionId)!.Refunds, Is.Empty);
    }

    [Test]
    public async Task ARefundAfterTheRefundWindowIs1163()
    {
        Emulator.Settings.RefundWindow = TimeSpan.FromDays(30);
        var transactionId = await ConfirmedPaymentAsync();
        Emulator.MerchantCenter.Refund(transactionId, 10m);
        Emulator.Clock.Advance(TimeSpan.FromDays(31));

        var refused = Assert.Throws<MerchantCenterRefusedException>(() => Emulator.MerchantCenter.Refund(transactionId, 10m));

        Assert.That(refused.ReturnCode, Is.EqualTo("1163"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.EqualTo(10m));
    }

    [Test]
    public async Task ARefundWhileAnApiCallIsInFlightIs1198()
    {
        Emulator.Settings.ProcessingTime = TimeSpan.FromMilliseconds(500);
        var transactionId = await ConfirmedPaymentAsync();

        var apiRefund = Api.RefundAsync(transactionId, "40");
        while (!Emulator.Transactions.Find(transactionId)!.InFlight)
            await Task.Delay(10);
        var refused = Assert.Throws<MerchantCenterRefusedException>(() => Emulator.MerchantCenter.Refund(transactionId));

        Assert.That(refused.ReturnCode, Is.EqualTo("1198"));
        Assert.That((await apiRefund).ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.EqualTo(40m));
    }

    [Test]
    public async Task AVoidOfAnAuthorizationShowsInPaymentDetails()
    {
        var transactionId = await ConfirmedPaymentAsync(capture: false);

        var voided = Emulator.MerchantCenter.Void(transactionId);

        Assert.That(voided.State, Is.EqualTo(TransactionState.Voided));
        Assert.That((await PaymentDetailsAsync(transactionId)).GetProperty("payStatus").GetString(),
            Is.EqualTo("VOIDED_AUTHORIZATION"));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Void), Is.Empty);
        Assert.That((await Api.CaptureAsync(transactionId, "100")).ReturnCode, Is.EqualTo("1179"));
        Assert.That((await Api.VoidAsync(transactionId)).ReturnCode, Is.EqualTo("1165"));
    }

    [Test]
    public async Task AVoidOfACapturedPaymentIs1179AndOfAnUnknownOne1150()
    {
        var transactionId = await ConfirmedPaymentAsync();

        var captured = Assert.Throws<MerchantCenterRefusedException>(() => Emulator.MerchantCenter.Void(transactionId));
        var unknown = Assert.Throws<MerchantCenterRefusedException>(() => Emulator.MerchantCenter.Void(2023042201206549310));

        Assert.That(captured.ReturnCode, Is.EqualTo("1179"));
        Assert.That(unknown.ReturnCode, Is.EqualTo("1150"));
        Assert.That((await PaymentDetailsAsync(transactionId)).GetProperty("payStatus").GetString(), Is.EqualTo("CAPTURE"));
    }

    [Test]
    public async Task TheControlEndpointsRefundAndVoidByHand()
    {
        var captured = await ConfirmedPaymentAsync();
        var authorized = await ConfirmedPaymentAsync(capture: false);
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        using var refunded = await http.PostAsync($"emulator/merchant-center/{captured}/refund?amount=30", null);
        using var fraction = await http.PostAsync($"emulator/merchant-center/{captured}/refund?amount=10.0", null);
        using var voided = await http.PostAsync($"emulator/merchant-center/{authorized}/void", null);
        using var notVoidable = await http.PostAsync($"emulator/merchant-center/{captured}/void", null);
        using var unknown = await http.PostAsync("emulator/merchant-center/2023042201206549310/refund", null);

        Assert.That((int)refunded.StatusCode, Is.EqualTo(200));
        var refund = JsonDocument.Parse(await refunded.Content.ReadAsStringAsync()).RootElement.GetProperty("refund");
        var listed = (await PaymentDetailsAsync(captured)).GetProperty("refundList").EnumerateArray().Single();
        Assert.That(listed.GetProperty("refundTransactionId").GetInt64(), Is.EqualTo(refund.GetProperty("refundTransactionId").GetInt64()));
        Assert.That(listed.GetProperty("refundAmount").GetDecimal(), Is.EqualTo(-30m));
        Assert.That((await PaymentDetailsAsync(authorized)).GetProperty("payStatus").GetString(), Is.EqualTo("VOIDED_AUTHORIZATION"));
        Assert.That((int)voided.StatusCode, Is.EqualTo(200));
        Assert.That(((int)fraction.StatusCode, await ReturnCodeAsync(fraction)), Is.EqualTo((409, "1124")));
        Assert.That(((int)notVoidable.StatusCode, await ReturnCodeAsync(notVoidable)), Is.EqualTo((409, "1179")));
        Assert.That(((int)unknown.StatusCode, await ReturnCodeAsync(unknown)), Is.EqualTo((404, "1150")));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Has.None.AnyOf(LinePayEndpoint.Refund, LinePayEndpoint.Void));
    }

    /// <summary>The transaction's entry in Payment Details, read through the signed API</summary>
    private async Task<JsonElement> PaymentDetailsAsync(long transactionId)
    {
        var answer = await Api.DetailsAsync($"transactionId={transactionId}");
        Assert.That(answer.ReturnCode, Is.EqualTo("0000"), answer.ToString());
        return answer.Info.EnumerateArray().Single();
    }

    private static async Task<string> ReturnCodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("returnCode").GetString();
}
