using System.Net;
using System.Net.Http.Json;
using LinePay.Emulator.Api;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Transactions;
using Nop.Plugin.Payments.LinePay.Tests.Support;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

public class FaultTests : EmulatorTest
{
    [Test]
    public async Task DelayPastTheClientTimeoutLeavesThePaymentUnconfirmed()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Delay(TimeSpan.FromSeconds(30)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var confirm = () => Api.SendAsync(ConfirmCall(transactionId), timeout.Token);

        Assert.That(confirm, Throws.InstanceOf<OperationCanceledException>());
        var record = await JournaledCallAsync(LinePayEndpoint.Confirm);
        Assert.That((record.Fault, record.ReturnCode), Is.EqualTo(((FaultKind?)FaultKind.Delay, (string)null)));
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authenticated));
    }

    [Test]
    public async Task DelayWithinTheClientTimeoutAnswersNormally()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Delay(TimeSpan.FromMilliseconds(200)));

        var answer = await Api.ConfirmAsync(transactionId, "100");

        Assert.That(answer.ReturnCode, Is.EqualTo("0000"));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().Fault, Is.EqualTo(FaultKind.Delay));
    }

    [Test]
    public async Task Http500AnswersAnHtmlPageWithoutConfirmingOnce()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Http500());

        using var failed = await Api.SendRawAsync(ConfirmCall(transactionId));
        var html = await failed.Content.ReadAsStringAsync();
        var stateAfterFailure = Emulator.Transactions.Find(transactionId)!.State;
        var retry = await Api.ConfirmAsync(transactionId, "100");

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(failed.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("<h1>500 Internal Server Error</h1>"));
        Assert.That(stateAfterFailure, Is.EqualTo(TransactionState.Authenticated));
        Assert.That(retry.ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task AbortDropsTheConnectionWithoutConfirming()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Abort());

        var confirm = () => Api.SendAsync(ConfirmCall(transactionId));

        Assert.That(confirm, Throws.InstanceOf<HttpRequestException>());
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Authenticated));
        Assert.That(Emulator.Journal.For(LinePayEndpoint.Confirm).Single().Fault, Is.EqualTo(FaultKind.Abort));
    }

    [TestCase("1172")]
    [TestCase("1198")]
    [TestCase("9000")]
    public async Task ChosenReturnCodeIsAnsweredOnceWithoutConfirming(string code)
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Answer(code));

        var faulted = await Api.ConfirmAsync(transactionId, "100");
        var stateAfterFault = Emulator.Transactions.Find(transactionId)!.State;
        var next = await Api.ConfirmAsync(transactionId, "100");

        Assert.That((faulted.StatusCode, faulted.ReturnCode, faulted.HasInfo), Is.EqualTo((HttpStatusCode.OK, code, false)));
        Assert.That(stateAfterFault, Is.EqualTo(TransactionState.Authenticated));
        Assert.That(next.ReturnCode, Is.EqualTo("0000"));
    }

    [Test]
    public async Task FaultAppliesTheGivenNumberOfTimes()
    {
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Answer("9000"), times: 2);

        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
            codes.Add((await Api.CheckAsync(2023042201206549310)).ReturnCode);

        Assert.That(codes, Is.EqualTo(new[] { "9000", "9000", "1150" }));
        Assert.That(Emulator.Faults.Pending, Is.Empty);
    }

    [Test]
    public async Task ApplyThenDelayConfirmsAlthoughTheClientTimesOut()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenDelay(TimeSpan.FromSeconds(30)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var confirm = () => Api.SendAsync(ConfirmCall(transactionId), timeout.Token);

        Assert.That(confirm, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Captured));
        var record = Emulator.Journal.For(LinePayEndpoint.Confirm).Single();
        Assert.That((record.ReturnCode, record.Fault), Is.EqualTo(("0000", (FaultKind?)FaultKind.ApplyThenDelay)));
        Assert.That((await Api.CheckAsync(transactionId)).ReturnCode, Is.EqualTo("0123"));
    }

    [Test]
    public async Task ApplyThenAbortConfirmsAndDropsTheConnection()
    {
        var transactionId = await ApprovedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.ApplyThenAbort());

        var confirm = () => Api.SendAsync(ConfirmCall(transactionId));

        Assert.That(confirm, Throws.InstanceOf<HttpRequestException>());
        Assert.That(Emulator.Transactions.Find(transactionId)!.State, Is.EqualTo(TransactionState.Captured));
    }

    [Test]
    public async Task ApplyThenHttp500RefundsAndAnswers500()
    {
        var transactionId = await ConfirmedPaymentAsync();
        Emulator.Faults.Next(LinePayEndpoint.Refund, Fault.ApplyThenHttp500());

        using var response = await Api.SendRawAsync(new SignedCall(HttpMethod.Post, $"/v3/payments/{transactionId}/refund",
            Body: """{"refundAmount":40}"""));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(Emulator.Transactions.Find(transactionId)!.RefundedAmount, Is.EqualTo(40m));
    }

    public static IEnumerable<TestCaseData> EveryEndpoint()
    {
        const long id = 2023042201206549310;
        yield return Case(LinePayEndpoint.Request, HttpMethod.Post, "/v3/payments/request");
        yield return Case(LinePayEndpoint.Confirm, HttpMethod.Post, $"/v4/payments/{id}/confirm");
        yield return Case(LinePayEndpoint.Capture, HttpMethod.Post, $"/v3/payments/authorizations/{id}/capture");
        yield return Case(LinePayEndpoint.Void, HttpMethod.Post, $"/v4/payments/authorizations/{id}/void");
        yield return Case(LinePayEndpoint.Refund, HttpMethod.Post, $"/v3/payments/{id}/refund");
        yield return Case(LinePayEndpoint.Details, HttpMethod.Get, "/v4/payments", $"transactionId={id}");
        yield return Case(LinePayEndpoint.Check, HttpMethod.Get, $"/v3/payments/requests/{id}/check");
        yield return Case(LinePayEndpoint.PayPreapproved, HttpMethod.Post, "/v4/payments/preapprovedPay/RKUNKNOWN000000/payment");
        yield return Case(LinePayEndpoint.CheckRegKey, HttpMethod.Get, "/v3/payments/preapprovedPay/RKUNKNOWN000000/check");
        yield return Case(LinePayEndpoint.ExpireRegKey, HttpMethod.Post, "/v4/payments/preapprovedPay/RKUNKNOWN000000/expire");

        static TestCaseData Case(LinePayEndpoint endpoint, HttpMethod method, string path, string query = "") =>
            new TestCaseData(endpoint, method, path, query).SetName($"Fault on {endpoint}");
    }

    [TestCaseSource(nameof(EveryEndpoint))]
    public async Task EveryEndpointTakesFaults(LinePayEndpoint endpoint, HttpMethod method, string path, string query)
    {
        Emulator.Faults.Next(endpoint, Fault.Answer("9000"));
        var call = new SignedCall(method, path, Query: query, Body: method == HttpMethod.Post ? "{}" : null);

        var faulted = await Api.SendAsync(call);
        var unfaulted = await Api.SendAsync(call);

        Assert.That(faulted.ReturnCode, Is.EqualTo("9000"));
        Assert.That(unfaulted.ReturnCode, Is.Not.EqualTo("9000"));
        Assert.That(Emulator.Journal.Calls.Select(c => c.Endpoint), Is.All.EqualTo(endpoint));
    }

    [Test]
    public async Task FaultsOnlyHitTheirEndpoint()
    {
        Emulator.Faults.Next(LinePayEndpoint.Confirm, Fault.Http500());

        var check = await Api.CheckAsync(2023042201206549310);

        Assert.That(check.ReturnCode, Is.EqualTo("1150"));
        Assert.That(Emulator.Faults.Pending.Single().Endpoint, Is.EqualTo(LinePayEndpoint.Confirm));
    }

    [Test]
    public async Task FaultsAreTakenOncePerCallUnderConcurrency()
    {
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Answer("9000"), times: 5);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Api.CheckAsync(2023042201206549310)));

        Assert.That(answers.Count(a => a.ReturnCode == "9000"), Is.EqualTo(5));
        Assert.That(answers.Count(a => a.ReturnCode == "1150"), Is.EqualTo(35));
    }

    [Test]
    public async Task InvalidSignatureDoesNotConsumeAFault()
    {
        Emulator.Faults.Next(LinePayEndpoint.Check, Fault.Answer("9000"));

        var refused = await Api.SendAsync(new SignedCall(HttpMethod.Get, "/v3/payments/requests/1/check", Signature: "AAAA"));

        Assert.That(refused.ReturnCode, Is.EqualTo("1106"));
        Assert.That(Emulator.Faults.Pending, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ControlEndpointQueuesListsAndClearsFaults()
    {
        var transactionId = await ApprovedPaymentAsync();
        using var http = new HttpClient { BaseAddress = Emulator.BaseAddress };

        using var queued = await http.PostAsJsonAsync("emulator/faults",
            new { endpoint = "confirm", mode = "ReturnCode", returnCode = "1198", times = 1 });
        var listed = await http.GetStringAsync("emulator/faults");
        var confirm = await Api.ConfirmAsync(transactionId, "100");
        using var delayed = await http.PostAsJsonAsync("emulator/faults",
            new { endpoint = "Refund", mode = "ApplyThenDelay", delayMilliseconds = 45000 });
        var pendingBeforeClear = Emulator.Faults.Pending.Single();
        using var cleared = await http.DeleteAsync("emulator/faults");
        using var invalid = await http.PostAsJsonAsync("emulator/faults", new { endpoint = "Nowhere", mode = "Abort" });

        Assert.That(queued.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(listed, Does.Contain("\"endpoint\":\"Confirm\"").And.Contain("\"returnCode\":\"1198\""));
        Assert.That(confirm.ReturnCode, Is.EqualTo("1198"));
        Assert.That(pendingBeforeClear.Fault, Is.EqualTo(Fault.ApplyThenDelay(TimeSpan.FromSeconds(45))));
        Assert.That(cleared.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Emulator.Faults.Pending, Is.Empty);
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static SignedCall ConfirmCall(long transactionId) =>
        new(HttpMethod.Post, $"/v3/payments/{transactionId}/confirm", Body: """{"amount":100,"currency":"TWD"}""");
}
