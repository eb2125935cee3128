using System.Reflection;
using LinePay.Emulator;

namespace Nop.Plugin.Payments.LinePay.Tests.Emulator;

/// <summary>
/// Reset puts every setting back to the value the emulator started with, on the settings instance the emulator reads
/// </summary>
[TestFixture]
public class ResetTests
{
    private static readonly PropertyInfo[] _settings = typeof(EmulatorSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();

    [Test]
    public async Task EverySettingGoesBackToTheValueTheEmulatorStartedWith()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorSettings
        {
            MerchantName = "Started shop",
            RefundWindow = TimeSpan.FromDays(30),
            CurrencyScales = new Dictionary<string, int>(StringComparer.Ordinal) { ["TWD"] = 0 }
        });
        var settings = emulator.Settings;
        var started = _settings.ToDictionary(p => p.Name, p => Snapshot(p.GetValue(settings)));

        foreach (var property in _settings)
            Change(settings, property);
        Assert.Multiple(() =>
        {
            foreach (var property in _settings)
                Assert.That(property.GetValue(settings), Is.Not.EqualTo(started[property.Name]), $"{property.Name} was changed");
        });

        emulator.Reset();

        Assert.That(emulator.Settings, Is.SameAs(settings));
        Assert.Multiple(() =>
        {
            foreach (var property in _settings)
                Assert.That(property.GetValue(settings), Is.EqualTo(started[property.Name]), property.Name);
        });
    }

    [Test]
    public async Task ACollectionChangedInPlaceIsRestoredAndNotShared()
    {
        await using var emulator = await EmulatorHost.StartAsync();
        var scales = emulator.Settings.CurrencyScales;
        scales["JPY"] = 0;
        scales.Remove("TWD");

        emulator.Reset();
        emulator.Settings.CurrencyScales["EUR"] = 2;
        emulator.Reset();

        Assert.That(emulator.Settings.CurrencyScales, Is.EquivalentTo(new Dictionary<string, int> { ["TWD"] = 0, ["THB"] = 2, ["USD"] = 2 }));
        Assert.That(emulator.Settings.CurrencyScales.ContainsKey("twd"), Is.False, "currency codes stay case-sensitive");
    }

    private static object Snapshot(object value) =>
        value is Dictionary<string, int> scales ? new Dictionary<string, int>(scales) : value;

    // changes the value in place where it can, so that a reset that only swapped references would be caught
    private static void Change(EmulatorSettings settings, PropertyInfo property)
    {
        var value = property.GetValue(settings);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        switch (value)
        {
            case Dictionary<string, int> scales:
                scales["JPY"] = 0;
                return;
            case string text:
                property.SetValue(settings, text + "-changed");
                return;
            case bool flag:
                property.SetValue(settings, !flag);
                return;
        }

        if (type == typeof(string))
            property.SetValue(settings, "changed");
        else if (type == typeof(TimeSpan))
            property.SetValue(settings, (TimeSpan?)value is { } time ? time + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1));
        else if (type == typeof(int))
            property.SetValue(settings, ((int?)value ?? 0) + 1);
        else if (type == typeof(decimal))
            property.SetValue(settings, ((decimal?)value ?? 0m) + 1m);
        else if (type.IsEnum)
            property.SetValue(settings, Enum.GetValues(type).Cast<object>().First(v => !v.Equals(value)));
        else
            Assert.Fail($"{property.Name}: the test does not know how to change a {type.Name}");
    }
}
