using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Infrastructure;
using Nop.Plugin.Payments.LinePay.Services;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

[TestFixture]
public class RouteProviderTests
{
    [Test]
    public async Task ConfigurationRouteReachesTheAdminConfigureAction()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddControllersWithViews().AddApplicationPart(typeof(PaymentLinePayController).Assembly);
        await using var app = builder.Build();

        new RouteProvider().RegisterRoutes(app);

        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IRouteNameMetadata>()?.RouteName == LinePayDefaults.Route.Configuration)
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();

        //the GET Configure action and the two POSTs of its form (save, test credentials)
        Assert.That(endpoints, Has.Count.EqualTo(3));
        Assert.That(endpoints.Select(e => e.RoutePattern.RawText), Is.All.EqualTo("Admin/PaymentLinePay/Configure"));
        var actions = endpoints.Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()).ToList();
        Assert.That(actions.Select(a => a.ControllerTypeInfo.AsType()), Is.All.EqualTo(typeof(PaymentLinePayController)));
        Assert.That(actions.Select(a => a.ActionName), Is.All.EqualTo("Configure"));
    }

    [TestCase("Plugin.Payments.LinePay.Confirm", "Plugins/PaymentLinePay/Confirm", "Confirm")]
    [TestCase("Plugin.Payments.LinePay.Cancel", "Plugins/PaymentLinePay/Cancel", "Cancel")]
    public async Task ReturnRoutesReachThePublicReturnController(string routeName, string pattern, string action)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddControllersWithViews().AddApplicationPart(typeof(PaymentLinePayReturnController).Assembly);
        await using var app = builder.Build();

        new RouteProvider().RegisterRoutes(app);

        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IRouteNameMetadata>()?.RouteName == routeName)
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null);

        var descriptor = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!;
        Assert.That(endpoint.RoutePattern.RawText, Is.EqualTo(pattern));
        Assert.That(descriptor.ControllerTypeInfo.AsType(), Is.EqualTo(typeof(PaymentLinePayReturnController)));
        Assert.That(descriptor.ActionName, Is.EqualTo(action));
        Assert.That(descriptor.RouteValues.TryGetValue("area", out var area) ? area : null, Is.Null.Or.Empty, "not in the admin area");
        Assert.That(typeof(PaymentLinePayReturnController).GetCustomAttributes(true).Select(a => a.GetType().Name),
            Has.None.EqualTo("AuthorizeAdminAttribute"));
        Assert.That(typeof(PaymentLinePayReturnController).BaseType, Is.EqualTo(typeof(Nop.Web.Framework.Controllers.BasePaymentController)));
    }

    [Test]
    public void StartupRegistersThePluginsServices()
    {
        var services = new ServiceCollection();

        new NopStartup().ConfigureServices(services, null);

        Assert.That(services.Select(s => (s.ServiceType, s.Lifetime)), Is.SupersetOf(new[]
        {
            (typeof(LinePayAvailabilityService), ServiceLifetime.Scoped),
            (typeof(LinePayLocaleResourceService), ServiceLifetime.Scoped),
            (typeof(LinePayClientFactory), ServiceLifetime.Scoped),
            (typeof(LinePayOrderPaymentService), ServiceLifetime.Scoped),
            (typeof(LinePayPaymentOutcomeService), ServiceLifetime.Scoped),
            (typeof(LinePayPaymentSettlementService), ServiceLifetime.Scoped),
            (typeof(LinePayPaymentConfirmationService), ServiceLifetime.Scoped),
            (typeof(LinePayReturnService), ServiceLifetime.Scoped),
            (typeof(LinePayCaptureService), ServiceLifetime.Scoped),
            (typeof(LinePayVoidService), ServiceLifetime.Scoped),
            (typeof(LinePayRefundService), ServiceLifetime.Scoped)
        }));
    }

    [Test]
    public void StartupRegistersTheHttpClientFactory()
    {
        var services = new ServiceCollection();
        new NopStartup().ConfigureServices(services, null);

        using var provider = services.BuildServiceProvider();

        Assert.That(provider.GetService<IHttpClientFactory>(), Is.Not.Null);
    }
}
