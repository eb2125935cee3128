using Microsoft.AspNetCore.Mvc;
using Nop.Core.Http;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Web.Framework.Controllers;

namespace Nop.Plugin.Payments.LinePay.Controllers;

/// <summary>
/// Where LINE Pay sends the customer back: after approving (confirm) or cancelling the payment. Public, and derived
/// from BasePaymentController so that no language-prefix redirect applies to these routes.
/// </summary>
public class PaymentLinePayReturnController : BasePaymentController
{
    #region Fields

    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly LinePayReturnService _returnService;

    #endregion

    #region Ctor

    public PaymentLinePayReturnController(ILocalizationService localizationService,
        INotificationService notificationService,
        LinePayReturnService returnService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _returnService = returnService;
    }

    #endregion

    #region Methods

    public async Task<IActionResult> Confirm(string transactionId, string orderId)
    {
        var result = await _returnService.ConfirmAsync(orderId, transactionId);

        switch (result.Outcome)
        {
            case LinePayConfirmationOutcome.Paid:
            case LinePayConfirmationOutcome.Authorized:
            case LinePayConfirmationOutcome.AlreadyCompleted:
                return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = result.Order.Id });

            case LinePayConfirmationOutcome.Rejected:
                return await RedirectHomeAsync();

            case LinePayConfirmationOutcome.InProgress:
            case LinePayConfirmationOutcome.Unknown:
                _notificationService.WarningNotification(await GetMessageAsync(result.Outcome));
                return RedirectToOrderDetails(result);

            default:
                _notificationService.ErrorNotification(await GetMessageAsync(result.Outcome));
                return RedirectToOrderDetails(result);
        }
    }

    public async Task<IActionResult> Cancel(string transactionId, string orderId)
    {
        var result = await _returnService.CancelAsync(orderId, transactionId);

        switch (result.Outcome)
        {
            case LinePayConfirmationOutcome.Rejected:
                return await RedirectHomeAsync();

            case LinePayConfirmationOutcome.AlreadyCompleted:
                return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = result.Order.Id });

            default:
                _notificationService.WarningNotification(await GetMessageAsync(result.Outcome));
                return RedirectToOrderDetails(result);
        }
    }

    #endregion

    #region Utilities

    protected virtual async Task<string> GetMessageAsync(LinePayConfirmationOutcome outcome) =>
        await _localizationService.GetResourceAsync(LinePayReturnService.GetCustomerMessageResource(outcome));

    protected virtual IActionResult RedirectToOrderDetails(LinePayConfirmationResult result) =>
        RedirectToRoute(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = result.Order.Id });

    protected virtual async Task<IActionResult> RedirectHomeAsync()
    {
        _notificationService.ErrorNotification(await GetMessageAsync(LinePayConfirmationOutcome.Rejected));
        return RedirectToRoute(NopRouteNames.General.HOMEPAGE);
    }

    #endregion
}
