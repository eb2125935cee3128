using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Web.Framework.Components;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.LinePay.Components;

/// <summary>
/// The LINE Pay panel in the order page's details (Sales → Orders → Edit), for LINE Pay orders only
/// </summary>
public class LinePayOrderPanelViewComponent : NopViewComponent
{
    protected readonly ILogger _logger;
    protected readonly IOrderService _orderService;
    protected readonly LinePayOrderPanelModelFactory _modelFactory;

    public LinePayOrderPanelViewComponent(ILogger logger,
        IOrderService orderService,
        LinePayOrderPanelModelFactory modelFactory)
    {
        _logger = logger;
        _orderService = orderService;
        _modelFactory = modelFactory;
    }

    /// <summary>
    /// Invoke view component
    /// </summary>
    /// <param name="widgetZone">Widget zone name</param>
    /// <param name="additionalData">The order page's model</param>
    public async Task<IViewComponentResult> InvokeAsync(string widgetZone, object additionalData)
    {
        if (additionalData is not BaseNopEntityModel { Id: > 0 } orderModel)
            return Content(string.Empty);

        try
        {
            var model = await _modelFactory.PrepareAsync(await _orderService.GetOrderByIdAsync(orderModel.Id));
            return model is null ? Content(string.Empty) : View(LinePayDefaults.OrderPanelViewPath, model);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            //the order page opens without the panel rather than not at all
            await _logger.ErrorAsync($"LINE Pay: the panel of order {orderModel.Id} could not be shown: {exception.Message}", exception);
            return Content(string.Empty);
        }
    }
}
