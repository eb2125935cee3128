using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Reads and writes the <see cref="LinePayOrderPayment"/> of an order: one generic attribute holding JSON, so that the
/// record is always replaced whole
/// </summary>
public class LinePayOrderPaymentService
{
    private static readonly JsonSerializerSettings _jsonSettings = new()
    {
        Formatting = Formatting.None,
        NullValueHandling = NullValueHandling.Ignore,
        FloatParseHandling = FloatParseHandling.Decimal,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        Converters = [new StringEnumConverter()]
    };

    protected readonly IGenericAttributeService _genericAttributeService;

    public LinePayOrderPaymentService(IGenericAttributeService genericAttributeService)
    {
        _genericAttributeService = genericAttributeService;
    }

    /// <summary>
    /// Gets the LINE Pay payment of the order, or null when none was requested
    /// </summary>
    public virtual async Task<LinePayOrderPayment> GetAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var json = await _genericAttributeService.GetAttributeAsync<string>(order, LinePayDefaults.OrderPaymentAttribute);

        return Deserialize(json);
    }

    /// <summary>
    /// Saves the LINE Pay payment of the order, replacing the one stored; <see cref="LinePayOrderPayment.UpdatedOnUtc"/> is set to now
    /// </summary>
    public virtual async Task SaveAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        payment.UpdatedOnUtc = DateTime.UtcNow;
        await _genericAttributeService.SaveAttributeAsync(order, LinePayDefaults.OrderPaymentAttribute, Serialize(payment));
    }

    /// <summary>
    /// Writes the record as the JSON stored in the generic attribute
    /// </summary>
    public static string Serialize(LinePayOrderPayment payment) => JsonConvert.SerializeObject(payment, _jsonSettings);

    /// <summary>
    /// Reads the JSON stored in the generic attribute; null for an empty value
    /// </summary>
    public static LinePayOrderPayment Deserialize(string json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonConvert.DeserializeObject<LinePayOrderPayment>(json, _jsonSettings);
}
