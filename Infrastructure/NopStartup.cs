using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Infrastructure;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Web.Framework.Infrastructure.Extensions;

namespace Nop.Plugin.Payments.LinePay.Infrastructure;

/// <summary>
/// Represents the object for the configuring services on application startup
/// </summary>
public class NopStartup : INopStartup
{
    /// <summary>
    /// Add and configure any of the middleware
    /// </summary>
    /// <param name="services">Collection of service descriptors</param>
    /// <param name="configuration">Configuration of the application</param>
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        var linePayHttpClient = services.AddHttpClient(LinePayDefaults.HttpClientName);
        linePayHttpClient.WithProxy();
        //WithProxy builds the primary handler (with the store's proxy); this runs after it and keeps that handler
        linePayHttpClient.ConfigurePrimaryHttpMessageHandler((handler, _) => LinePayClient.RefuseRedirects(handler));
        //the host's HTTP client logging writes request addresses, and a subscription's address carries its regKey;
        //LinePayClient logs its calls itself, with the key masked
        linePayHttpClient.RemoveAllLoggers();

        services.AddScoped<LinePayAvailabilityService>();
        services.AddScoped<LinePayLocaleResourceService>();
        services.AddScoped<LinePayChannelSecretService>();
        services.AddScoped<LinePayClientFactory>();
        services.AddScoped<LinePayPaymentScheduleService>();
        services.AddScoped<LinePayOrderPaymentService>();
        services.AddScoped<LinePayClaimRows>();
        services.AddScoped<LinePayConfirmClaimService>();
        services.AddScoped<LinePayPaymentLockService>();
        services.AddScoped<LinePayOrderNoteService>();
        services.AddScoped<LinePayOrderAmountService>();
        services.AddScoped<LinePayOrderSyncService>();
        services.AddScoped<LinePayMoneyReturnService>();
        services.AddScoped<LinePayPaymentRequestService>();
        services.AddScoped<LinePayPaymentOutcomeService>();
        services.AddScoped<LinePayPaymentSettlementService>();
        services.AddScoped<LinePayPaymentReviewService>();
        services.AddScoped<LinePayPaymentConfirmationService>();
        services.AddScoped<LinePayPaymentReconciliationService>();
        services.AddScoped<LinePayReturnService>();
        services.AddScoped<LinePayCredentialsTestService>();
        services.AddScoped<LinePayEnvironmentService>();
        services.AddScoped<LinePayOrderPanelModelFactory>();
        services.AddScoped<LinePayCaptureService>();
        services.AddScoped<LinePayVoidService>();
        services.AddScoped<LinePayRefundService>();
        services.AddScoped<LinePayReconciliationTask>();
        services.AddScoped<LinePaySubscriptionService>();
        services.AddScoped<LinePaySubscriptionScheduleService>();
        services.AddScoped<LinePaySubscriptionLockService>();
        services.AddScoped<LinePaySubscriptionKeyService>();
        services.AddScoped<LinePaySubscriptionOrderService>();
        services.AddScoped<LinePaySubscriptionChargeService>();
        services.AddScoped<LinePaySubscriptionSettlementService>();
        services.AddScoped<LinePaySubscriptionTask>();
    }

    /// <summary>
    /// Configure the using of added middleware
    /// </summary>
    /// <param name="application">Builder for configuring an application's request pipeline</param>
    public void Configure(IApplicationBuilder application)
    {
    }

    /// <summary>
    /// Gets order of this startup configuration implementation
    /// </summary>
    public int Order => 1;
}
