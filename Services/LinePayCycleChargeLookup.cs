using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Finds out through Payment Details, by the try's orderId, whether LINE Pay charged a cycle
/// </summary>
public static class LinePayCycleChargeLookup
{
    /// <summary>
    /// Asks LINE Pay about the charge's orderId
    /// </summary>
    /// <returns>True: LINE Pay holds the try's money (the charge is updated to what it holds); false: Payment Details does
    /// not list it; null: LINE Pay did not answer</returns>
    public static async Task<bool?> FindAsync(LinePayClient client, LinePayCycleCharge charge)
    {
        IReadOnlyList<PaymentDetailsInfo> payments;
        try
        {
            payments = await client.GetPaymentDetailsAsync(orderIds: [charge.LinePayOrderId]);
        }
        catch (LinePayException)
        {
            return null;
        }

        if (payments.FirstOrDefault(payment => payment.OrderId == charge.LinePayOrderId) is not { } found)
            return false;

        charge.TransactionId = found.TransactionId;
        charge.State = found.PayStatus == LinePayPayStatus.Authorization ? LinePayCycleState.Authorized : LinePayCycleState.Paid;
        charge.AuthorizationExpiresOnUtc = found.AuthorizationExpireDate?.UtcDateTime;

        return true;
    }
}
