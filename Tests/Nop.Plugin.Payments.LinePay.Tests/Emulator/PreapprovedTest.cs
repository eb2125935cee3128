using System.Text.Json.Nodes;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// Base of the fixtures about preapproved payments: a registration the customer approves, the regKey its Confirm
/// issues, and payments with that key over the signed API
/// </summary>
public abstract class PreapprovedTest : EmulatorTest
{
    /// <summary>A PREAPPROVED Request body as LINE Pay's example sends it: zero-amount packages, amount 1000</summary>
    protected static JsonObject Registration(string currency = "TWD")
    {
        var body = PaymentRequestBody.Create(PaymentRequestBody.NewOrderId(), "0", currency, ("Subscription", 1, "0"))
            .WithPayment(payType: "PREAPPROVED");
        body["amount"] = 1000;
        return body;
    }

    /// <summary>A regKey issued by the Confirm of an approved registration</summary>
    protected async Task<string> RegKeyAsync(JsonObject registration = null, int version = 3)
    {
        registration ??= Registration();
        var transactionId = await Api.RequestAsync(registration, version);
        await Emulator.ApproveAsync(transactionId);
        var confirm = await Api.ConfirmAsync(transactionId, registration["amount"]!.ToJsonString(),
            registration["currency"]!.GetValue<string>(), version);
        Assert.That(confirm.ReturnCode, Is.EqualTo("0000"), confirm.ToString());
        return confirm.Info.GetProperty("regKey").GetString()!;
    }

    protected Task<ApiAnswer> PayAsync(string regKey, string orderId, string amount, string currency = "TWD",
        bool capture = true, int version = 3) =>
        Api.PostAsync($"/v{version}/payments/preapprovedPay/{regKey}/payment", PayBody(orderId, amount, currency, capture));

    /// <summary>A payment of 100 TWD with a new orderId</summary>
    protected Task<ApiAnswer> PayAsync(string regKey) => PayAsync(regKey, PaymentRequestBody.NewOrderId(), "100");

    protected Task<ApiAnswer> CheckRegKeyAsync(string regKey, int version = 3) =>
        Api.GetAsync($"/v{version}/payments/preapprovedPay/{regKey}/check");

    protected Task<ApiAnswer> ExpireRegKeyAsync(string regKey, int version = 3) =>
        Api.PostAsync($"/v{version}/payments/preapprovedPay/{regKey}/expire", string.Empty);

    protected static string PayBody(string orderId, string amount, string currency = "TWD", bool capture = true) =>
        $$"""{"productName":"Monthly box","amount":{{amount}},"currency":"{{currency}}","orderId":"{{orderId}}","capture":{{(capture ? "true" : "false")}}}""";

    /// <summary>An HTTP client for the unsigned control routes under /emulator</summary>
    protected HttpClient ControlClient() => new() { BaseAddress = Emulator.BaseAddress };
}
