using System.Text.Json;
using System.Text.Json.Serialization;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Journal;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Control;

/// <summary>
/// Unsigned endpoints under /emulator for tests and developers: transactions and their states, the call journal,
/// fault injection, the clock, Merchant Center and the regKeys
/// </summary>
public static class ControlRoutes
{
    public const string Prefix = "/emulator";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() }
    };

    public static void MapEmulatorControl(this IEndpointRouteBuilder routes)
    {
        var control = routes.MapGroup(Prefix);

        control.MapGet("", (TransactionStore store) =>
            Results.Content(TransactionsPage.Render(store.All(), store.AllRegKeys()), "text/html; charset=utf-8"));
        control.MapGet("/transactions", (TransactionStore store) => Results.Json(store.All(), JsonOptions));
        control.MapGet("/transactions/{transactionId:long}", (long transactionId, TransactionStore store) =>
            store.Find(transactionId) is { } transaction
                ? Results.Json(transaction, JsonOptions)
                : Results.NotFound(new { error = $"Transaction {transactionId} does not exist." }));
        control.MapGet("/calls", (CallJournal journal) => Results.Json(journal.Calls, JsonOptions));

        control.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Pending, JsonOptions));
        control.MapPost("/faults", (FaultRequest request, FaultInjector faults) =>
        {
            if (request.Parse(out var problem) is not { } parsed)
                return Results.BadRequest(new { error = problem });

            faults.Next(parsed.Endpoint, parsed.Fault, parsed.Times);
            return Results.Json(faults.Pending, JsonOptions);
        });
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });

        control.MapPost("/clock/advance", (double minutes, EmulatorClock clock) =>
        {
            if (minutes <= 0)
                return Results.BadRequest(new { error = "minutes must be positive." });

            clock.Advance(TimeSpan.FromMinutes(minutes));
            return Results.Json(new { utcNow = clock.GetUtcNow(), offset = clock.Offset }, JsonOptions);
        });

        control.MapMerchantCenter();
        control.MapRegKeys();
    }
}
