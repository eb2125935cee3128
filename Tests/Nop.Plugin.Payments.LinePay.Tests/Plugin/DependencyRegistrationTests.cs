using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nop.Core.Configuration;
using Nop.Plugin.Payments.LinePay.Components;
using Nop.Plugin.Payments.LinePay.Controllers;
using Nop.Plugin.Payments.LinePay.Infrastructure;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Services.Events;
using Nop.Services.Plugins;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.LinePay.Tests.Plugin;

/// <summary>
/// The store builds the plugin's classes from its container: everything they ask for must be a nopCommerce service
/// (the store has those), a settings class (nopCommerce registers every ISettings) or registered by NopStartup,
/// otherwise the store fails at run time and no other test notices
/// </summary>
[TestFixture]
public class DependencyRegistrationTests
{
    private static readonly Type[] _builtByTheStore = typeof(LinePayDefaults).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .Where(t => typeof(IPlugin).IsAssignableFrom(t) || typeof(ControllerBase).IsAssignableFrom(t)
            || typeof(ViewComponent).IsAssignableFrom(t) || typeof(IScheduleTask).IsAssignableFrom(t)
            || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
        .ToArray();

    [Test]
    public void TheStoreBuildsThePaymentMethodTheControllersTheViewComponentTheTaskAndTheEventConsumers()
    {
        Assert.That(_builtByTheStore, Is.SupersetOf(new[]
        {
            typeof(LinePayPaymentMethod), typeof(PaymentLinePayController),
            typeof(PaymentLinePayReturnController), typeof(LinePayPaymentInfoViewComponent),
            typeof(LinePayReconciliationTask), typeof(LinePayOrderEventConsumer), typeof(LinePayEncryptionKeyChangedConsumer)
        }));
    }

    [Test]
    public void EveryDependencyOfThePluginIsProvidedByTheStoreOrRegisteredAtStartup()
    {
        var services = new ServiceCollection();
        new NopStartup().ConfigureServices(services, null);
        var registered = services.Select(s => s.ServiceType).ToHashSet();

        var unresolvable = new List<string>();
        var pending = new Queue<Type>(_builtByTheStore.Concat(registered.Where(IsPluginType)));
        var seen = new HashSet<Type>();
        while (pending.TryDequeue(out var type))
        {
            if (!seen.Add(type))
                continue;

            foreach (var parameter in type.GetConstructors().Single().GetParameters())
            {
                var dependency = parameter.ParameterType;
                if (IsPluginType(dependency) && !typeof(ISettings).IsAssignableFrom(dependency))
                {
                    if (!registered.Contains(dependency))
                        unresolvable.Add($"{type.Name}({dependency.Name} {parameter.Name})");
                    pending.Enqueue(dependency);
                }
                else if (!IsProvidedByTheStore(dependency))
                    unresolvable.Add($"{type.Name}({dependency.Name} {parameter.Name})");
            }
        }

        Assert.That(unresolvable, Is.Empty);
        Assert.That(seen, Has.Count.GreaterThan(_builtByTheStore.Length), "the walk reached the registered services");
    }

    private static bool IsPluginType(Type type) => type.Assembly == typeof(LinePayDefaults).Assembly;

    // what the store's host registers: ASP.NET Core's logging and HTTP context accessor, the HttpClient factory
    // (AddHttpClient in NopStartup); nopCommerce's own services and settings
    private static readonly Type[] _hostServices = [typeof(ILoggerFactory), typeof(IHttpContextAccessor), typeof(IHttpClientFactory)];

    private static bool IsProvidedByTheStore(Type type) =>
        type.Namespace?.StartsWith("Nop.", StringComparison.Ordinal) == true && !IsPluginType(type)
        || typeof(ISettings).IsAssignableFrom(type)
        || _hostServices.Contains(type);
}
