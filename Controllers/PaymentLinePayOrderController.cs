using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Orders;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.LinePay.Controllers;

/// <summary>
/// The order page's LINE Pay panel: "Check with LINE Pay now" and a subscription's "Check key"
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class PaymentLinePayOrderController : BasePluginController
{
    protected readonly ILocalizationService _localizationService;
    protected readonly INotificationService _notificationService;
    protected readonly IOrderService _orderService;
    protected readonly LinePayPaymentReconciliationService _reconciliationService;
    protected readonly LinePaySubscriptionKeyService _subscriptionKeyService;
    protected readonly LinePaySubscriptionService _subscriptionService;

    public PaymentLinePayOrderController(ILocalizationService localizationService,
        INotificationService notificationService,
        IOrderService orderService,
        LinePayPaymentReconciliationService reconciliationService,
        LinePaySubscriptionKeyService subscriptionKeyService,
        LinePaySubscriptionService subscriptionService)
    {
        _localizationService = localizationService;
        _notificationService = notificationService;
        _orderService = orderService;
        _reconciliationService = reconciliationService;
        _subscriptionKeyService = subscriptionKeyService;
        _subscriptionService = subscriptionService;
    }

    /// <summary>
    /// Asks LINE Pay about the order's payment (Check, Payment Details) and settles it through the normal path, then
    /// shows the order page again with what changed
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> Check(int id)
    {
        var order = await _orderService.GetOrderByIdAsync(id);
        if (order is null)
            return RedirectToAction("List", "Order");

        LinePayReconciliation result;
        try
        {
            result = await _reconciliationService.ReconcileAsync(order, askNow: true);
        }
        catch (ArgumentException)
        {
            _notificationService.ErrorNotification(await GetResourceAsync("AfterSale.NotConfigured"));
            return RedirectToAction("Edit", "Order", new { id });
        }

        if (result.Busy)
            _notificationService.WarningNotification(await GetResourceAsync("AfterSale.InProgress"));
        else if (result.State is not { } state)
            _notificationService.ErrorNotification(await GetResourceAsync("AfterSale.NoPayment"));
        else if (result.LinePayUnreachable)
            _notificationService.WarningNotification(await GetResourceAsync("Panel.Check.Unreachable", await StateTextAsync(state)));
        else if (result.Changed)
            _notificationService.SuccessNotification(await GetResourceAsync("Panel.Check.Changed", await StateTextAsync(state)));
        else
            _notificationService.SuccessNotification(await GetResourceAsync("Panel.Check.Unchanged", await StateTextAsync(state)));

        return RedirectToAction("Edit", "Order", new { id });
    }

    /// <summary>
    /// Asks LINE Pay whether the key of the order's subscription still charges (Check regKey), then shows the order
    /// page again with the answer
    /// </summary>
    [HttpPost]
    [CheckPermission(StandardPermission.Orders.ORDERS_CREATE_EDIT_DELETE)]
    public async Task<IActionResult> CheckKey(int id)
    {
        var order = await _orderService.GetOrderByIdAsync(id);
        if (order is null)
            return RedirectToAction("List", "Order");

        if (await _subscriptionService.GetRecurringPaymentAsync(order) is not { } recurringPayment)
        {
            _notificationService.ErrorNotification(await GetResourceAsync("Panel.Key.NoSubscription"));
            return RedirectToAction("Edit", "Order", new { id });
        }

        LinePayKeyCheck check;
        try
        {
            check = await _subscriptionKeyService.CheckAsync(recurringPayment, order.StoreId);
        }
        catch (ArgumentException)
        {
            _notificationService.ErrorNotification(await GetResourceAsync("AfterSale.NotConfigured"));
            return RedirectToAction("Edit", "Order", new { id });
        }

        var state = await GetResourceAsync($"KeyState.{check.State}");
        if (check.Busy)
            _notificationService.WarningNotification(await GetResourceAsync("AfterSale.InProgress"));
        else if (check.ReturnCode is null && !check.Asked)
            _notificationService.WarningNotification(await GetResourceAsync("Panel.Key.NothingToCheck", state));
        else if (check.ReturnCode is null)
            _notificationService.WarningNotification(await GetResourceAsync("Panel.Key.NotChecked", state));
        else if (check.ReturnCode == Services.Api.LinePayReturnCodes.Success)
            _notificationService.SuccessNotification(await GetResourceAsync("Panel.Key.Usable"));
        else
            _notificationService.WarningNotification(await GetResourceAsync("Panel.Key.Refused", check.ReturnCode, state));

        return RedirectToAction("Edit", "Order", new { id });
    }

    private Task<string> StateTextAsync(Domain.LinePayPaymentState state) => GetResourceAsync($"State.{state}");

    private async Task<string> GetResourceAsync(string key, params object[] args)
    {
        var text = await _localizationService.GetResourceAsync($"{LinePayDefaults.ResourcePrefix}.{key}");
        return args.Length == 0 ? text : string.Format(text, args);
    }
}
