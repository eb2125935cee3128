using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Nop.Core.Domain.Common;
using Nop.Core.Domain.Orders;
using Nop.Data;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Services.Common;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Reads and writes the <see cref="LinePayOrderPayment"/> of an order: one generic attribute holding JSON, so that the
/// record is always replaced whole. It is read straight from the table: IGenericAttributeService keeps an entity's
/// attributes for the rest of the request once read, and a re-read must see what other requests have saved since.
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
    protected readonly IRepository<GenericAttribute> _genericAttributeRepository;

    public LinePayOrderPaymentService(IGenericAttributeService genericAttributeService,
        IRepository<GenericAttribute> genericAttributeRepository)
    {
        _genericAttributeService = genericAttributeService;
        _genericAttributeRepository = genericAttributeRepository;
    }

    /// <summary>
    /// Gets the LINE Pay payment of the order, or null when none was requested
    /// </summary>
    public virtual async Task<LinePayOrderPayment> GetAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        var orderId = order.Id;
        var attribute = await _genericAttributeRepository.Table.FirstOrDefaultAsync(attribute => attribute.EntityId == orderId
            && attribute.KeyGroup == LinePayDefaults.OrderKeyGroup && attribute.Key == LinePayDefaults.OrderPaymentAttribute
            && attribute.StoreId == 0);

        return Deserialize(attribute?.Value);
    }

    /// <summary>
    /// Saves the LINE Pay payment of the order, replacing the one stored; <see cref="LinePayOrderPayment.UpdatedOnUtc"/> is set to now
    /// </summary>
    public virtual async Task SaveAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        payment.UpdatedOnUtc = DateTime.UtcNow;
        //the row, created when the payment is requested and never deleted, is in every list the service has read since,
        //so it is updated by its id with the whole new value, however old the rest of that list is
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
