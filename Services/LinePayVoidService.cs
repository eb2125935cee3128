using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Voids an authorized, uncaptured LINE Pay payment from the order page
/// </summary>
public class LinePayVoidService : LinePayAfterSaleService
{
    public LinePayVoidService(ILocalizationService localizationService,
        ILogger logger,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService)
        : base(localizationService, logger, clientFactory, claimService, noteService, orderPaymentService, scheduleService)
    {
    }

    /// <summary>
    /// Voids the order's authorization; on success (also when LINE Pay had voided it already) the result says Voided
    /// </summary>
    public virtual async Task<VoidPaymentResult> VoidAsync(VoidPaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request?.Order);

        return await WithClaimAsync(request.Order, payment => VoidClaimedAsync(request, payment), Failed);
    }

    protected virtual async Task<VoidPaymentResult> VoidClaimedAsync(VoidPaymentRequest request, LinePayOrderPayment payment)
    {
        var order = request.Order;
        //an expired or cancelled authorization is voided at LINE Pay too (1165), which makes the order Voided here
        if (!payment.Allows(LinePayPaymentEvent.VoidRequested))
            return Failed(await RefuseAsync(order, payment, LinePayPaymentEvent.VoidRequested,
                await GetResourceAsync("Void.NotAuthorized", payment.State)));

        var client = await CreateClientAsync(order);
        if (client is null)
            return Failed(await GetResourceAsync("AfterSale.NotConfigured"));

        try
        {
            await client.VoidPaymentAsync(payment.TransactionId);

            return await VoidedAsync(order, payment, "Void.Done");
        }
        catch (LinePayApiException exception) when (exception.ReturnCode == LinePayReturnCodes.AlreadyRefundedOrVoided)
        {
            return await VoidedAsync(order, payment, "Void.AlreadyVoided");
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown)
        {
            var details = await ReadPaymentAsync(client, payment);
            if (details?.PayStatus is LinePayPayStatus.VoidedAuthorization or LinePayPayStatus.ExpiredAuthorization)
                return await VoidedAsync(order, payment, "Void.DoneFoundInDetails");

            var message = await GetResourceAsync("Void.Unknown", payment.TransactionId, await DescribeAsync(exception));
            await _noteService.InsertNoteAsync(order, message);

            return Failed(message);
        }
        catch (LinePayApiException exception)
        {
            payment.LastReturnCode = exception.ReturnCode;
            await _orderPaymentService.SaveAsync(order, payment);

            return Failed(await GetResourceAsync("Void.Refused", await DescribeAsync(exception)));
        }
    }

    private async Task<VoidPaymentResult> VoidedAsync(Order order, LinePayOrderPayment payment, string noteKey)
    {
        payment.Apply(LinePayPaymentEvent.Voided);
        payment.VoidedOnUtc ??= DateTime.UtcNow;
        await _orderPaymentService.SaveAsync(order, payment);
        await _noteService.InsertNoteAsync(order, await GetResourceAsync(noteKey, payment.TransactionId));

        return new VoidPaymentResult { NewPaymentStatus = PaymentStatus.Voided };
    }

    private static VoidPaymentResult Failed(string error) => new() { Errors = [error] };
}
