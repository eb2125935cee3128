using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Journal;
using LinePay.Emulator.Signing;
using Microsoft.AspNetCore.Http.Features;

namespace LinePay.Emulator.Api;

/// <summary>
/// What every API call goes through: authentication, injected faults, the endpoint's handler, the journal, and
/// LINE Pay's envelope on the wire
/// </summary>
public sealed class ApiPipeline(
    IEnumerable<IApiHandler> handlers,
    SignatureVerifier verifier,
    FaultInjector faults,
    CallJournal journal,
    TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    private static readonly JsonSerializerOptions WireOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping
    };

    private readonly Dictionary<LinePayEndpoint, IApiHandler> _handlers = handlers.ToDictionary(h => h.Endpoint);

    public async Task HandleAsync(HttpContext http, LinePayEndpoint endpoint, int apiVersion)
    {
        var body = await ReadBodyAsync(http.Request);
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        var queryStart = rawTarget.IndexOf('?');
        var apiPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var bodyText = Encoding.UTF8.GetString(body);
        var call = new ApiCall(endpoint, apiVersion, http.Request.RouteValues["id"] as string ?? string.Empty, body,
            http.Request.Query, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

        void Record(string? returnCode, FaultKind? fault, long? createdTransactionId = null) =>
            journal.Record(new ApiCallRecord(clock.GetUtcNow(), http.Request.Method, apiPath, rawQuery, bodyText, endpoint,
                apiVersion, createdTransactionId ?? TransactionIdOf(call), RegKeyOf(call), returnCode, fault));

        if (verifier.Verify(http.Request.Headers, http.Request.Method, apiPath, rawQuery, body) is { } refused)
        {
            Record(refused.ReturnCode, null);
            await WriteAsync(http, refused);
            return;
        }

        var fault = faults.TryTake(endpoint);
        switch (fault?.Kind)
        {
            case FaultKind.Delay when !await DelayAsync(fault.Duration, http):
                Record(null, fault.Kind);
                return;
            case FaultKind.Http500:
                Record(null, fault.Kind);
                await WriteServerErrorAsync(http);
                return;
            case FaultKind.Abort:
                Record(null, fault.Kind);
                http.Abort();
                return;
            case FaultKind.ReturnCode:
                Record(fault.ReturnCode, fault.Kind);
                await WriteAsync(http, ApiResponse.Error(fault.ReturnCode!, fault.ReturnMessage));
                return;
        }

        ApiResponse response;
        try
        {
            response = await _handlers[endpoint].HandleAsync(call, CancellationToken.None);
        }
        catch (ApiError error)
        {
            response = ApiResponse.Error(error.ReturnCode, error.Message);
        }

        Record(response.ReturnCode, fault?.Kind, CreatedTransactionId(endpoint, response));
        switch (fault?.Kind)
        {
            case FaultKind.ApplyThenDelay when !await DelayAsync(fault.Duration, http):
                return;
            case FaultKind.ApplyThenAbort:
                http.Abort();
                return;
            case FaultKind.ApplyThenHttp500:
                await WriteServerErrorAsync(http);
                return;
        }

        await WriteAsync(http, response);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>False when the client hung up (or the emulator is stopping) before the delay ended</summary>
    private async Task<bool> DelayAsync(TimeSpan duration, HttpContext http)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(duration, stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long? TransactionIdOf(ApiCall call) => call.Endpoint switch
    {
        LinePayEndpoint.Confirm or LinePayEndpoint.Capture or LinePayEndpoint.Void or LinePayEndpoint.Refund
            or LinePayEndpoint.Check => long.TryParse(call.PathIdentifier, out var id) ? id : null,
        LinePayEndpoint.Details => long.TryParse(call.Query["transactionId"].FirstOrDefault(), out var id) ? id : null,
        _ => null
    };

    private static long? CreatedTransactionId(LinePayEndpoint endpoint, ApiResponse response) =>
        endpoint is LinePayEndpoint.Request or LinePayEndpoint.PayPreapproved
        && response.Info is JsonObject info && info["transactionId"] is JsonValue id
            ? id.GetValue<long>()
            : null;

    private static string? RegKeyOf(ApiCall call) =>
        call.Endpoint is LinePayEndpoint.PayPreapproved or LinePayEndpoint.CheckRegKey or LinePayEndpoint.ExpireRegKey
            ? call.PathIdentifier
            : null;

    private static Task WriteAsync(HttpContext http, ApiResponse response)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=UTF-8";
        return http.Response.WriteAsync(response.ToJson().ToJsonString(WireOptions));
    }

    private static Task WriteServerErrorAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/html; charset=UTF-8";
        return http.Response.WriteAsync(
            "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>"
            + "<body><h1>500 Internal Server Error</h1></body></html>");
    }
}
