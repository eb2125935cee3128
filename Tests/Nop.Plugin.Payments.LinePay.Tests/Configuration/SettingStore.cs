using System.Linq.Expressions;
using System.Reflection;
using Moq;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.LinePay.Tests.Configuration;

/// <summary>
/// An ISettingService mock over an in-memory table of LINE Pay setting rows (store 0 = shared), following nopCommerce's
/// rules: a store loads its own row where one exists and the shared one otherwise; saving "overridable per store" writes
/// the row for the store when overriding (or for store 0) and deletes the store's row when not
/// </summary>
public class SettingStore
{
    public Dictionary<(int StoreId, string Property), object> Rows { get; } = new();

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
    }

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

    private static PropertyInfo PropertyOf(object keySelector) =>
        (PropertyInfo)((MemberExpression)((LambdaExpression)keySelector).Body).Member;
}
