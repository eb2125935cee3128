using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Core.Domain.Orders;
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
    protected readonly IWorkContext _workContext;
    protected readonly LinePayReturnService _returnService;

    #endregion

    #region Ctor

    public PaymentLinePayReturnController(ILocalizationService localizationService,
        INotificationService notificationService,
        IWorkContext workContext,
        LinePayReturnService returnService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _workContext = workContext;
        _returnService = returnService;
    }

    #endregion

    #region Methods

    public async Task<IActionResult> Confirm(string transactionId, string orderId)
    {
        var result = await _returnService.ConfirmAsync(orderId, transactionId);
        if (result.Outcome == LinePayConfirmationOutcome.Rejected)
            return await RedirectHomeAsync();

        var ordersCustomer = await IsCurrentCustomersOrderAsync(result.Order);
        switch (result.Outcome)
        {
            case LinePayConfirmationOutcome.Paid:
            case LinePayConfirmationOutcome.Authorized:
            case LinePayConfirmationOutcome.AlreadyCompleted:
                return await RedirectToCompletedAsync(result, ordersCustomer);

            case LinePayConfirmationOutcome.InProgress:
            case LinePayConfirmationOutcome.Unknown:
                _notificationService.WarningNotification(await GetMessageAsync(result, ordersCustomer));
                return RedirectToOrderDetails(result, ordersCustomer);

            default:
                _notificationService.ErrorNotification(await GetMessageAsync(result, ordersCustomer));
                return RedirectToOrderDetails(result, ordersCustomer);
        }
    }

    public async Task<IActionResult> Cancel(string transactionId, string orderId)
    {
        var result = await _returnService.CancelAsync(orderId, transactionId);
        if (result.Outcome == LinePayConfirmationOutcome.Rejected)
            return await RedirectHomeAsync();

        var ordersCustomer = await IsCurrentCustomersOrderAsync(result.Order);
        switch (result.Outcome)
        {
            //LINE Pay showed the payment approved or completed after all: it was finished like a confirm return
            case LinePayConfirmationOutcome.Paid:
            case LinePayConfirmationOutcome.Authorized:
            case LinePayConfirmationOutcome.AlreadyCompleted:
                return await RedirectToCompletedAsync(result, ordersCustomer);

            default:
                _notificationService.WarningNotification(await GetMessageAsync(result, ordersCustomer));
                return RedirectToOrderDetails(result, ordersCustomer);
        }
    }

    #endregion

    #region Utilities

    // nopCommerce shows the completed and order details pages to the order's customer only; a return in a browser
    // without that customer's session (often LINE's in-app browser) would end on the home page or a login without a
    // word, so it is sent to the home page with the outcome instead
    protected virtual async Task<bool> IsCurrentCustomersOrderAsync(Order order) =>
        (await _workContext.GetCurrentCustomerAsync())?.Id == order.CustomerId;

    // the URL is public: the message names the order number and nothing else of the order
    protected virtual async Task<string> GetMessageAsync(LinePayConfirmationResult result, bool ordersCustomer)
    {
        if (ordersCustomer)
            return await _localizationService.GetResourceAsync(LinePayReturnService.GetCustomerMessageResource(result.Outcome));

        var text = await _localizationService.GetResourceAsync(LinePayReturnService.GetOtherBrowserMessageResource(result.Outcome));
        return string.Format(text, result.Order.CustomOrderNumber);
    }

    protected virtual async Task<IActionResult> RedirectToCompletedAsync(LinePayConfirmationResult result, bool ordersCustomer)
    {
        if (ordersCustomer)
            return RedirectToRoute(NopRouteNames.Standard.CHECKOUT_COMPLETED, new { orderId = result.Order.Id });

        _notificationService.SuccessNotification(await GetMessageAsync(result, ordersCustomer));
        return RedirectToRoute(NopRouteNames.General.HOMEPAGE);
    }

    protected virtual IActionResult RedirectToOrderDetails(LinePayConfirmationResult result, bool ordersCustomer) => ordersCustomer
        ? RedirectToRoute(NopRouteNames.Standard.ORDER_DETAILS, new { orderId = result.Order.Id })
        : RedirectToRoute(NopRouteNames.General.HOMEPAGE);

    protected virtual async Task<IActionResult> RedirectHomeAsync()
    {
        _notificationService.ErrorNotification(await _localizationService.GetResourceAsync(
            LinePayReturnService.GetCustomerMessageResource(LinePayConfirmationOutcome.Rejected)));
        return RedirectToRoute(NopRouteNames.General.HOMEPAGE);
    }

    #endregion
}
