using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Control;

/// <summary>
/// The regKeys by hand, under /emulator/regkeys: GET lists them (GET /{regKey} one of them); POST /{regKey}/remove (the
/// customer removed the payment method: 1141), /{regKey}/expire (LINE Pay expired it: 1193). They answer the key; an
/// unknown key answers HTTP 404, a change its state does not allow HTTP 409, with the reason.
/// </summary>
public static class RegKeyRoutes
{
    public const string Prefix = "/regkeys";

    public static void MapRegKeys(this RouteGroupBuilder control)
    {
        var regKeys = control.MapGroup(Prefix);

        regKeys.MapGet("", (RegKeys keys) => Results.Json(keys.All(), ControlRoutes.JsonOptions));
        regKeys.MapGet("/{regKey}", (string regKey, RegKeys keys) => keys.Find(regKey) is { } key
            ? Results.Json(key, ControlRoutes.JsonOptions)
            : Results.NotFound(new { error = $"regKey {regKey} does not exist." }));

        regKeys.MapPost("/{regKey}/remove", (string regKey, RegKeys keys) => Answer(() => keys.Remove(regKey)));
        regKeys.MapPost("/{regKey}/expire", (string regKey, RegKeys keys) => Answer(() => keys.Expire(regKey)));
    }

    private static IResult Answer(Func<RegKeySnapshot> change)
    {
        try
        {
            return Results.Json(change(), ControlRoutes.JsonOptions);
        }
        catch (RegKeyRefusedException refused)
        {
            return Results.Json(new { error = refused.Message, regKey = refused.Key }, ControlRoutes.JsonOptions,
                statusCode: refused.Key is null ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }
    }
}
