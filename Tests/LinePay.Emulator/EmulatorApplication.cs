using LinePay.Emulator.Api;
using LinePay.Emulator.Api.Handlers;
using LinePay.Emulator.Control;
using LinePay.Emulator.Faults;
using LinePay.Emulator.Journal;
using LinePay.Emulator.Pages;
using LinePay.Emulator.Signing;
using LinePay.Emulator.Transactions;

namespace LinePay.Emulator;

/// <summary>
/// Services and routes of the emulator, shared by <see cref="EmulatorHost"/> and the program run by hand
/// </summary>
public static class EmulatorApplication
{
    public static IServiceCollection AddLinePayEmulator(this IServiceCollection services, EmulatorSettings settings)
    {
        var clock = new EmulatorClock();
        services.AddSingleton(settings);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<TransactionStore>();
        services.AddSingleton<IdentifierGenerator>();
        services.AddSingleton<AmountReader>();
        services.AddSingleton<TransactionGate>();
        services.AddSingleton<RefundAction>();
        services.AddSingleton<SignatureVerifier>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<CallJournal>();
        services.AddSingleton<ApiPipeline>();
        services.AddSingleton<ApprovalPage>();
        services.AddSingleton<MerchantCenter>();
        services.AddSingleton<RegKeys>();
        services.AddHttpClient();

        services.AddSingleton<IApiHandler, RequestHandler>();
        services.AddSingleton<IApiHandler, ConfirmHandler>();
        services.AddSingleton<IApiHandler, CaptureHandler>();
        services.AddSingleton<IApiHandler, VoidHandler>();
        services.AddSingleton<IApiHandler, RefundHandler>();
        services.AddSingleton<IApiHandler, DetailsHandler>();
        services.AddSingleton<IApiHandler, CheckHandler>();
        services.AddSingleton<IApiHandler, PayPreapprovedHandler>();
        services.AddSingleton<IApiHandler, CheckRegKeyHandler>();
        services.AddSingleton<IApiHandler, ExpireRegKeyHandler>();
        return services;
    }

    public static void MapLinePayEmulator(this IEndpointRouteBuilder routes)
    {
        routes.MapLinePayApi();
        ApprovalPage.Map(routes);
        routes.MapEmulatorControl();
        routes.MapGet("/", () => Results.Redirect(ControlRoutes.Prefix));
    }
}
