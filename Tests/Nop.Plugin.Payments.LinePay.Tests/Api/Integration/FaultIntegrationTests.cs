using System.Net;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Api.Integration;

public class FaultIntegrationTests : ClientIntegrationTest
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PastTheTimeout = TimeSpan.FromSeconds(30);

    private LinePayClient ClientWithShortConfirmTimeout() =>
        NewClient(timeouts: new LinePayTimeouts { Confirm = ShortTimeout });

    [Test]
    public async Task ADelayPastTheClientsTimeoutIsLinePayTimeoutExceptionAndNothingWasConfirmed()
    {
        var request = PaymentRequests.Create();
        var transactionId = await ApprovedThroughClientAsync(request);
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Delay(PastTheTimeout));

        var error = Assert.ThrowsAsync<LinePayTimeoutException>(() =>
            ClientWithShortConfirmTimeout().ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        Assert.That(error.Timeout, Is.EqualTo(ShortTimeout));
        Assert.That(error.ApiPath, Is.EqualTo($"/v3/payments/{transactionId}/confirm"));
        var call = await JournaledCallAsync(LinePayEndpoint.Confirm, transactionId);
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Delay, (string)null)));
        Assert.That(await Client.CheckPaymentStatusAsync(transactionId), Is.EqualTo(PaymentRequestStatus.Authenticated));
        Assert.That(Emulator.Transactions.Find(transactionId).ConfirmCount, Is.Zero);
    }

    [Test]
    public async Task ConfirmAppliedThenDelayedIsATimeoutThatCheckAndDetailsResolveAsPaid()
    {
        var request = PaymentRequests.Create(price: 125m, quantity: 2);
        var transactionId = await ApprovedThroughClientAsync(request);
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenDelay(PastTheTimeout));

        Assert.ThrowsAsync<LinePayTimeoutException>(() =>
            ClientWithShortConfirmTimeout().ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        await AssertRecoveredAsPaidAsync(transactionId, request.OrderId, 250m, FaultKind.ApplyThenDelay);
    }

    [Test]
    public async Task ConfirmAppliedThenDroppedIsATransportErrorThatCheckAndDetailsResolveAsPaid()
    {
        var request = PaymentRequests.Create(price: 125m, quantity: 2);
        var transactionId = await ApprovedThroughClientAsync(request);
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenAbort());

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            Client.ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        Assert.That(error.StatusCode, Is.Null, "no response arrived");
        await AssertRecoveredAsPaidAsync(transactionId, request.OrderId, 250m, FaultKind.ApplyThenAbort);
    }

    [Test]
    public async Task ConfirmAppliedThenHttp500IsATransportErrorThatCheckAndDetailsResolveAsPaid()
    {
        var request = PaymentRequests.Create(price: 125m, quantity: 2);
        var transactionId = await ApprovedThroughClientAsync(request);
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenHttp500());

        var error = Assert.ThrowsAsync<LinePayTransportException>(() =>
            Client.ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        await AssertRecoveredAsPaidAsync(transactionId, request.OrderId, 250m, FaultKind.ApplyThenHttp500);
    }

    /// <summary>The recovery the plugin relies on: the client failed, yet LINE Pay took the money</summary>
    private async Task AssertRecoveredAsPaidAsync(long transactionId, string orderId, decimal amount, FaultKind fault)
    {
        var call = await JournaledCallAsync(LinePayEndpoint.Confirm, transactionId);
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)fault, "0000")));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.ConfirmCount), Is.EqualTo((TransactionState.Captured, 1)));

        var status = await Client.CheckPaymentStatusAsync(transactionId);
        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();

        Assert.That(status, Is.EqualTo(PaymentRequestStatus.Completed));
        Assert.That((details.TransactionId, details.OrderId, details.PayStatus), Is.EqualTo((transactionId, orderId, "CAPTURE")));
        Assert.That(details.PayInfo, Is.Not.Empty);
        Assert.That(details.PayInfo.Sum(p => p.Amount), Is.EqualTo(amount));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm, transactionId), Has.Count.EqualTo(1), "Confirm was never sent again");
    }

    [Test]
    public async Task Http500IsLinePayTransportExceptionAndTheRefundWasNotMade()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.Http500());

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => Client.RefundPaymentAsync(transactionId, 10m, "TWD"));

        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(error.ApiPath, Is.EqualTo($"/v3/payments/{transactionId}/refund"));
        var call = Emulator.Journal.For(LinePayEndpoint.Refund, transactionId).Single();
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Http500, (string)null)));
        Assert.That(Emulator.Transactions.Find(transactionId).Refunds, Is.Empty);
    }

    [Test]
    public async Task ADroppedConnectionIsLinePayTransportExceptionAndNothingWasCaptured()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create(capture: false));
        Emulator.Faults.Next(LinePayEndpoint.Capture, Fault.Abort());

        var error = Assert.ThrowsAsync<LinePayTransportException>(() => Client.CapturePaymentAsync(transactionId, 100m, "TWD"));

        Assert.That(error.StatusCode, Is.Null);
        var call = await JournaledCallAsync(LinePayEndpoint.Capture, transactionId);
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Abort, (string)null)));
        var stored = Emulator.Transactions.Find(transactionId);
        Assert.That((stored.State, stored.CapturedAmount), Is.EqualTo((TransactionState.Authorized, 0m)));
    }

    [TestCase("1198")]
    [TestCase("9000")]
    public async Task AnInjectedAmbiguousCodeOnConfirmIsLinePayApiExceptionClassifiedAmbiguous(string returnCode)
    {
        var request = PaymentRequests.Create();
        var transactionId = await ApprovedThroughClientAsync(request);
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer(returnCode));

        var error = Assert.ThrowsAsync<LinePayApiException>(() =>
            Client.ConfirmPaymentAsync(transactionId, request.Amount, request.Currency));

        Assert.That((error.ReturnCode, error.Classification), Is.EqualTo((returnCode, LinePayReturnCodeClass.Ambiguous)));
        Assert.That(error.ReturnMessage, Is.EqualTo(ReturnCodes.MessageFor(returnCode)));
        var call = Emulator.Journal.For(LinePayEndpoint.Confirm, transactionId).Single();
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.ReturnCode, returnCode)));
        Assert.That(await Client.CheckPaymentStatusAsync(transactionId), Is.EqualTo(PaymentRequestStatus.Authenticated),
            "the state read afterwards says nothing was confirmed");
    }

    [Test]
    public async Task AnInjectedAmbiguousCodeOnRefundLeavesTheRefundUnmade()
    {
        var transactionId = await ConfirmedThroughClientAsync(PaymentRequests.Create());
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.Answer("9000"));

        var error = Assert.ThrowsAsync<LinePayApiException>(() => Client.RefundPaymentAsync(transactionId, null, "TWD"));

        Assert.That(error.Classification, Is.EqualTo(LinePayReturnCodeClass.Ambiguous));
        var details = (await Client.GetPaymentDetailsAsync([transactionId])).Single();
        Assert.That(details.RefundList, Is.Null.Or.Empty);
        Assert.That(Emulator.Transactions.Find(transactionId).Refunds, Is.Empty);
    }

    [Test]
    public async Task ADelayedRequestPastTheTimeoutReservesNothing()
    {
        var request = PaymentRequests.Create();
        Emulator.Faults.Next(LinePayEndpoint.Request, Fault.Delay(PastTheTimeout));
        var client = NewClient(timeouts: new LinePayTimeouts { Request = ShortTimeout });

        var error = Assert.ThrowsAsync<LinePayTimeoutException>(() => client.RequestPaymentAsync(request));

        Assert.That(error.Timeout, Is.EqualTo(ShortTimeout));
        var call = await JournaledCallAsync(LinePayEndpoint.Request);
        Assert.That((call.Fault, call.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Delay, (string)null)));
        Assert.That(Emulator.Transactions.FindByOrderId(request.OrderId), Is.Empty);
    }
}
