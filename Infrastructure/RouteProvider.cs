using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Nop.Web.Framework;
using Nop.Web.Framework.Mvc.Routing;

namespace Nop.Plugin.Payments.LinePay.Infrastructure;

/// <summary>
/// Represents the plugin route provider
/// </summary>
public class RouteProvider : IRouteProvider
{
    /// <summary>
    /// Register routes
    /// </summary>
    /// <param name="endpointRouteBuilder">Route builder</param>
    public void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder)
    {
        endpointRouteBuilder.MapControllerRoute(name: LinePayDefaults.Route.Configuration,
            pattern: LinePayDefaults.ConfigurationPath,
            defaults: new { controller = "PaymentLinePay", action = "Configure", area = AreaNames.ADMIN });

        endpointRouteBuilder.MapControllerRoute(name: LinePayDefaults.Route.Confirm,
            pattern: LinePayDefaults.ConfirmPath,
            defaults: new { controller = "PaymentLinePayReturn", action = "Confirm" });

        endpointRouteBuilder.MapControllerRoute(name: LinePayDefaults.Route.Cancel,
            pattern: LinePayDefaults.CancelPath,
            defaults: new { controller = "PaymentLinePayReturn", action = "Cancel" });
    }

    /// <summary>
    /// Gets a priority of route provider
    /// </summary>
    public int Priority => 0;
}
