using System.Globalization;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;
using Nop.Services.Localization;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What capture, void and refund from the order page share: the order's LINE Pay record, changed only while holding
/// its claim (two admins or two servers never work on one payment at once), the client, admin-facing messages that
/// name LINE Pay's return code, order notes, and reading Payment Details when an answer was lost
/// </summary>
public abstract class LinePayAfterSaleService
{
    // codes with a resource of their own; any other code is shown with LINE Pay's message
    private static readonly HashSet<string> _describedCodes =
    [
        "1104", "1105", "1106", "1150", "1155", "1163", "1164", "1165", "1179", "1180", "1183", "1184", "1198", "1199", "9000"
    ];

    protected readonly ILocalizationService _localizationService;
    protected readonly ILogger _logger;
    protected readonly LinePayClientFactory _clientFactory;
    protected readonly LinePayConfirmClaimService _claimService;
    protected readonly LinePayOrderNoteService _noteService;
    protected readonly LinePayOrderPaymentService _orderPaymentService;
    protected readonly LinePayPaymentScheduleService _scheduleService;

    protected LinePayAfterSaleService(ILocalizationService localizationService,
        ILogger logger,
        LinePayClientFactory clientFactory,
        LinePayConfirmClaimService claimService,
        LinePayOrderNoteService noteService,
        LinePayOrderPaymentService orderPaymentService,
        LinePayPaymentScheduleService scheduleService)
    {
        _localizationService = localizationService;
        _logger = logger;
        _clientFactory = clientFactory;
        _claimService = claimService;
        _noteService = noteService;
        _orderPaymentService = orderPaymentService;
        _scheduleService = scheduleService;
    }

    /// <summary>
    /// Runs the operation on the order's LINE Pay record as stored now, holding the record's claim; fails without
    /// calling LINE Pay when there is no record or another request holds the claim
    /// </summary>
    protected virtual async Task<TResult> WithClaimAsync<TResult>(Order order,
        Func<LinePayOrderPayment, Task<TResult>> operation, Func<string, TResult> failed)
    {
        var payment = await _orderPaymentService.GetAsync(order);
        if (payment is null)
            return failed(await GetResourceAsync("AfterSale.NoPayment"));

        payment = await _claimService.TryClaimAsync(order, payment) ?? await _claimService.RestoreAndClaimAsync(order);
        if (payment is null)
            return failed(await GetResourceAsync("AfterSale.InProgress"));

        try
        {
            return await operation(payment);
        }
        finally
        {
            await _claimService.ReleaseAsync(order, payment);
        }
    }

    /// <summary>
    /// Creates a client for the settings of the order's store; null when the store has no usable LINE Pay credentials
    /// </summary>
    protected virtual async Task<LinePayClient> CreateClientAsync(Order order)
    {
        try
        {
            return await _clientFactory.CreateClientAsync(order.StoreId);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the payment from Payment Details; null when LINE Pay does not show it or does not answer
    /// </summary>
    protected virtual async Task<PaymentDetailsInfo> ReadPaymentAsync(LinePayClient client, LinePayOrderPayment payment)
    {
        try
        {
            return await client.GetPaymentDetailsAsync(payment.TransactionId);
        }
        catch (LinePayException)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses an operation the payment's state does not allow: the admin reads the message, the log keeps it
    /// </summary>
    protected virtual async Task<string> RefuseAsync(Order order, LinePayOrderPayment payment, LinePayPaymentEvent @event, string message)
    {
        await _logger.WarningAsync($"LINE Pay: {@event} of order {order.Id} refused, the payment is {payment.State}: {message}");

        return message;
    }

    /// <summary>
    /// Describes a failed call for the admin: the return code and what it means, or why no answer came
    /// </summary>
    protected virtual async Task<string> DescribeAsync(LinePayException exception)
    {
        return exception switch
        {
            LinePayTimeoutException => await GetResourceAsync("ReturnCode.Timeout"),
            LinePayApiException api => $"{api.ReturnCode} ({await DescribeReturnCodeAsync(api)})",
            _ => await GetResourceAsync("ReturnCode.NoAnswer")
        };
    }

    /// <summary>
    /// Gets a plugin resource (the key without the plugin's prefix), formatted with the arguments
    /// </summary>
    protected virtual async Task<string> GetResourceAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.{key}");

        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private async Task<string> DescribeReturnCodeAsync(LinePayApiException exception)
    {
        if (_describedCodes.Contains(exception.ReturnCode))
            return await GetResourceAsync($"ReturnCode.{exception.ReturnCode}");
        if (LinePayReturnCodes.IsCardDecline(exception.ReturnCode))
            return await GetResourceAsync("ReturnCode.CardDeclined");
        if (exception.Classification == LinePayReturnCodeClass.Retryable)
            return await GetResourceAsync("ReturnCode.Temporary");

        return string.IsNullOrWhiteSpace(exception.ReturnMessage) ? "-" : exception.ReturnMessage;
    }
}
