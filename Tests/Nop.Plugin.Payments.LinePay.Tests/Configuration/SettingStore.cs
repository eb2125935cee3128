using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;
using Moq;
using Nop.Core.Domain.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

/// <summary>
/// An ISettingService mock over an in-memory table of LINE Pay setting rows (store 0 = shared), following nopCommerce's
/// rules: a store loads its own row where one exists and the shared one otherwise; saving "overridable per store" writes
/// the row for the store when overriding (or for store 0) and deletes the store's row when not. The Setting table's
/// rows (GetAllSettingsAsync, UpdateSettingAsync) are these, named as nopCommerce names them, and <see cref="OtherRows"/>.
/// </summary>
public class SettingStore
{
    public Dictionary<(int StoreId, string Property), object> Rows { get; } = new();

    /// <summary>Rows of the Setting table that are not LINE Pay's</summary>
    public List<Setting> OtherRows { get; } = [];

    public Mock<ISettingService> Service { get; } = new();

    public SettingStore()
    {
        Service.Setup(s => s.LoadSettingAsync<LinePayPaymentSettings>(It.IsAny<int>()))
            .ReturnsAsync((int storeId) => Load(storeId));

        Service.Setup(s => s.SettingExistsAsync(It.IsAny<LinePayPaymentSettings>(),
                It.IsAny<Expression<Func<LinePayPaymentSettings, It.IsAnyType>>>(), It.IsAny<int>()))
            .Returns(new InvocationFunc(call =>
                Task.FromResult(Rows.ContainsKey(((int)call.Arguments[2], PropertyOf(call.Arguments[1]).Name)))));

        Service.Setup(s => s.SaveSettingOverridablePerStoreAsync(It.IsAny<LinePayPaymentSettings>(),
                It.IsAny<Expression<Func<LinePayPaymentSettings, It.IsAnyType>>>(), It.IsAny<bool>(), It.IsAny<int>(), It.IsAny<bool>()))
            .Returns(new InvocationFunc(call =>
            {
                var property = PropertyOf(call.Arguments[1]);
                var overrideForStore = (bool)call.Arguments[2];
                var storeId = (int)call.Arguments[3];
                if (overrideForStore || storeId == 0)
                    Rows[(storeId, property.Name)] = property.GetValue(call.Arguments[0]);
                else
                    Rows.Remove((storeId, property.Name));
                return Task.CompletedTask;
            }));

        Service.Setup(s => s.GetAllSettingsAsync()).ReturnsAsync(() => TableRows());
        Service.Setup(s => s.UpdateSettingAsync(It.IsAny<Setting>(), It.IsAny<bool>()))
            .Returns((Setting row, bool _) =>
            {
                UpdateTableRow(row);
                return Task.CompletedTask;
            });
    }

    /// <summary>The Setting table's name of a LINE Pay setting, as nopCommerce stores it</summary>
    public static string SettingName(string property) => $"{nameof(LinePayPaymentSettings)}.{property}".ToLowerInvariant();

    public LinePayPaymentSettings Load(int storeId)
    {
        var settings = new LinePayPaymentSettings();
        foreach (var property in typeof(LinePayPaymentSettings).GetProperties())
        {
            if (Rows.TryGetValue((storeId, property.Name), out var value) || Rows.TryGetValue((0, property.Name), out value))
                property.SetValue(settings, value);
        }

        return settings;
    }

    public void Set(int storeId, string property, object value) => Rows[(storeId, property)] = value;

    //fresh copies, as read from the database, with the values as nopCommerce writes them (invariant strings)
    private IList<Setting> TableRows()
    {
        var id = 1;
        var rows = Rows.Select(row => new Setting(SettingName(row.Key.Property),
                TypeDescriptor.GetConverter(typeof(LinePayPaymentSettings).GetProperty(row.Key.Property)!.PropertyType).ConvertToInvariantString(row.Value),
                row.Key.StoreId) { Id = id++ })
            .ToList();
        rows.AddRange(OtherRows.Select(row => new Setting(row.Name, row.Value, row.StoreId) { Id = id++ }));
        return rows;
    }

    private void UpdateTableRow(Setting row)
    {
        var other = OtherRows.SingleOrDefault(o => o.Name == row.Name && o.StoreId == row.StoreId);
        if (other is not null)
        {
            other.Value = row.Value;
            return;
        }

        var property = typeof(LinePayPaymentSettings).GetProperties().Single(p => SettingName(p.Name) == row.Name);
        if (!Rows.ContainsKey((row.StoreId, property.Name)))
            throw new InvalidOperationException($"No row {row.Name} of store {row.StoreId} to update.");
        Rows[(row.StoreId, property.Name)] = TypeDescriptor.GetConverter(property.PropertyType).ConvertFromInvariantString(row.Value);
    }

    private static PropertyInfo PropertyOf(object keySelector) =>
        (PropertyInfo)((MemberExpression)((LambdaExpression)keySelector).Body).Member;
}
