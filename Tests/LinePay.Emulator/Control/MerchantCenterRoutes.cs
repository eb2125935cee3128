using System.Globalization;
using LinePay.Emulator.Api;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator.Control;

/// <summary>
/// Merchant Center by hand: POST /emulator/merchant-center/{transactionId}/refund (optional ?amount=30, otherwise
/// what remains) and POST /emulator/merchant-center/{transactionId}/void. They answer the refund and the transaction;
/// a refusal answers HTTP 409 (404 for an unknown transaction) with the LINE Pay return code.
/// </summary>
public static class MerchantCenterRoutes
{
    public const string Prefix = "/merchant-center";

    public static void MapMerchantCenter(this RouteGroupBuilder control)
    {
        var merchantCenter = control.MapGroup(Prefix);

        merchantCenter.MapPost("/{transactionId:long}/refund",
            (long transactionId, string? amount, MerchantCenter center, TransactionStore store) =>
            {
                decimal? value = null;
                if (!string.IsNullOrEmpty(amount))
                {
                    if (!decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                            CultureInfo.InvariantCulture, out var parsed))
                        return Results.BadRequest(new { error = "amount must be a number." });
                    value = parsed;
                }

                return Answer(() =>
                {
                    var refund = center.Refund(transactionId, value);
                    return new { returnCode = ReturnCodes.Success, refund, transaction = store.Find(transactionId) };
                });
            });

        merchantCenter.MapPost("/{transactionId:long}/void", (long transactionId, MerchantCenter center) =>
            Answer(() => new { returnCode = ReturnCodes.Success, transaction = center.Void(transactionId) }));
    }

    private static IResult Answer(Func<object> action)
    {
        try
        {
            return Results.Json(action(), ControlRoutes.JsonOptions);
        }
        catch (MerchantCenterRefusedException refused)
        {
            return Results.Json(new { returnCode = refused.ReturnCode, returnMessage = refused.ReturnMessage },
                ControlRoutes.JsonOptions,
                statusCode: refused.ReturnCode == ReturnCodes.NoTransaction
                    ? StatusCodes.Status404NotFound
                    : StatusCodes.Status409Conflict);
        }
    }
}
