using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Localization;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Captures an authorized LINE Pay payment from the order page: the whole authorized amount, in the currency it was
/// authorized in
/// </summary>
public class LinePayCaptureService : LinePayAfterSaleService
{
    public LinePayCaptureService(ILocalizationService localizationService,
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
    /// Captures the order's authorization; on success the result says Paid and carries LINE Pay's transaction ID
    /// </summary>
    public virtual async Task<CapturePaymentResult> CaptureAsync(CapturePaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request?.Order);

        return await WithClaimAsync(request.Order, payment => CaptureClaimedAsync(request, payment), Failed);
    }

    protected virtual async Task<CapturePaymentResult> CaptureClaimedAsync(CapturePaymentRequest request, LinePayOrderPayment payment)
    {
        var order = request.Order;
        if (!payment.Allows(LinePayPaymentEvent.CaptureRequested))
            return Failed(await RefuseAsync(order, payment, LinePayPaymentEvent.CaptureRequested,
                await GetResourceAsync("Capture.NotAuthorized", payment.State)));
        if (payment.AuthorizationExpiresOnUtc <= DateTime.UtcNow)
            return Failed(await ExpireAsync(order, payment, null));

        var client = await CreateClientAsync(order);
        if (client is null)
            return Failed(await GetResourceAsync("AfterSale.NotConfigured"));

        try
        {
            var captured = await client.CapturePaymentAsync(payment.TransactionId, payment.Amount, payment.Currency);

            return await CapturedAsync(order, payment, captured.TransactionId, captured.PayInfo, false);
        }
        catch (LinePayApiException exception) when (exception.ReturnCode == LinePayReturnCodes.Expired)
        {
            return Failed(await ExpireAsync(order, payment, exception));
        }
        catch (LinePayApiException exception) when (LinePayReturnCodes.IsCardDecline(exception.ReturnCode))
        {
            return Failed(await CancelledByLinePayAsync(order, payment, exception));
        }
        catch (LinePayException exception) when (exception.IsOutcomeUnknown || exception is LinePayApiException { ReturnCode: LinePayReturnCodes.InvalidState })
        {
            return await FindOutAsync(client, order, payment, exception);
        }
        catch (LinePayApiException exception)
        {
            payment.LastReturnCode = exception.ReturnCode;
            await _orderPaymentService.SaveAsync(order, payment);

            return Failed(await GetResourceAsync("Capture.Refused", await DescribeAsync(exception)));
        }
    }

    /// <summary>
    /// The answer was lost or does not say what happened: Payment Details decides
    /// </summary>
    protected virtual async Task<CapturePaymentResult> FindOutAsync(LinePayClient client, Order order, LinePayOrderPayment payment,
        LinePayException exception)
    {
        var details = await ReadPaymentAsync(client, payment);
        switch (details?.PayStatus)
        {
            case LinePayPayStatus.Capture:
                return await CapturedAsync(order, payment, payment.TransactionId, details.PayInfo, true);
            case LinePayPayStatus.ExpiredAuthorization:
                return Failed(await ExpireAsync(order, payment, exception));
            case LinePayPayStatus.VoidedAuthorization:
                return Failed(await CancelledByLinePayAsync(order, payment, exception));
        }

        var message = await GetResourceAsync("Capture.Unknown", payment.FormatAmount(), payment.TransactionId, await DescribeAsync(exception));
        await _noteService.InsertNoteAsync(order, message);

        return Failed(message);
    }

    private async Task<CapturePaymentResult> CapturedAsync(Order order, LinePayOrderPayment payment, long transactionId,
        IList<PayInfo> payInfo, bool foundInDetails)
    {
        var amount = payInfo.Count > 0 ? payInfo.Sum(info => info.Amount) : payment.Amount;
        payment.Apply(LinePayPaymentEvent.Captured);
        payment.CapturedAmount = amount;
        payment.CapturedOnUtc = DateTime.UtcNow;
        payment.LastReturnCode = LinePayReturnCodes.Success;
        await _orderPaymentService.SaveAsync(order, payment);

        var note = await GetResourceAsync(foundInDetails ? "Capture.DoneFoundInDetails" : "Capture.Done",
            payment.FormatAmount(amount), transactionId);
        await _noteService.InsertNoteAsync(order, note);

        return new CapturePaymentResult
        {
            NewPaymentStatus = PaymentStatus.Paid,
            CaptureTransactionId = transactionId.ToString(CultureInfo.InvariantCulture),
            CaptureTransactionResult = $"LINE Pay captured {payment.FormatAmount(amount)}"
        };
    }

    private async Task<string> ExpireAsync(Order order, LinePayOrderPayment payment, LinePayException exception)
    {
        payment.Apply(LinePayPaymentEvent.AuthorizationExpired);
        if (exception is LinePayApiException api)
            payment.LastReturnCode = api.ReturnCode;
        await _orderPaymentService.SaveAsync(order, payment);

        //LINE Pay's code when it refused the capture, otherwise the expiry date on record
        var reason = exception is LinePayApiException { ReturnCode: LinePayReturnCodes.Expired }
            ? await DescribeAsync(exception)
            : payment.AuthorizationExpiresOnUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
        var message = await GetResourceAsync("Capture.Expired", payment.TransactionId, reason);
        await _noteService.InsertNoteAsync(order, message);

        return message;
    }

    // LINE Pay cancels the authorization itself when the card issuer declines the capture
    private async Task<string> CancelledByLinePayAsync(Order order, LinePayOrderPayment payment, LinePayException exception)
    {
        payment.Apply(LinePayPaymentEvent.Voided);
        payment.VoidedOnUtc = DateTime.UtcNow;
        if (exception is LinePayApiException api)
            payment.LastReturnCode = api.ReturnCode;
        await _orderPaymentService.SaveAsync(order, payment);

        var message = await GetResourceAsync("Capture.Declined", payment.TransactionId, await DescribeAsync(exception));
        await _noteService.InsertNoteAsync(order, message);

        return message;
    }

    private static CapturePaymentResult Failed(string error) => new() { Errors = [error] };
}
