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
    internal static readonly JsonSerializerSettings JsonSettings = new()
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
    protected readonly LinePayPaymentScheduleService _scheduleService;

    public LinePayOrderPaymentService(IGenericAttributeService genericAttributeService,
        IRepository<GenericAttribute> genericAttributeRepository,
        LinePayPaymentScheduleService scheduleService)
    {
        _genericAttributeService = genericAttributeService;
        _genericAttributeRepository = genericAttributeRepository;
        _scheduleService = scheduleService;
    }

    /// <summary>
    /// Gets the LINE Pay payment of the order, or null when none was requested
    /// </summary>
    public virtual Task<LinePayOrderPayment> GetAsync(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);

        return GetAsync(order.Id);
    }

    /// <summary>
    /// Gets the LINE Pay payment of the order with this identifier (a deleted order's too), or null when none was requested
    /// </summary>
    public virtual async Task<LinePayOrderPayment> GetAsync(int orderId)
    {
        var attribute = await _genericAttributeRepository.Table.FirstOrDefaultAsync(attribute => attribute.EntityId == orderId
            && attribute.KeyGroup == LinePayDefaults.OrderKeyGroup && attribute.Key == LinePayDefaults.OrderPaymentAttribute
            && attribute.StoreId == 0);

        return Deserialize(attribute?.Value);
    }

    /// <summary>
    /// Saves the LINE Pay payment of the order, replacing the one stored, and puts it on the scheduled task's to-do list
    /// for when something is next to do (<see cref="LinePayPaymentSchedule"/>); <see cref="LinePayOrderPayment.UpdatedOnUtc"/> is set to now
    /// </summary>
    public virtual async Task SaveAsync(Order order, LinePayOrderPayment payment)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        payment.UpdatedOnUtc = DateTime.UtcNow;
        //the to-do entry is written before the record, so that a server dying between the two leaves the task an entry
        //too many (it finds nothing to do), never a payment it does not know about; only the task takes an entry off
        //the list, once it has looked at the payment
        if (LinePayPaymentSchedule.NextCheckOnUtc(payment, payment.UpdatedOnUtc) is { } due)
            await _scheduleService.ScheduleAsync(order.Id, due);

        //the row, created when the payment is requested and never deleted, is in every list the service has read since,
        //so it is updated by its id with the whole new value, however old the rest of that list is
        await _genericAttributeService.SaveAttributeAsync(order, LinePayDefaults.OrderPaymentAttribute, Serialize(payment));
    }

    /// <summary>
    /// Puts every stored record that has something left to do on the scheduled task's list (for records saved by a
    /// version of the plugin that kept no list)
    /// </summary>
    /// <returns>How many records were put on the list</returns>
    public virtual async Task<int> ScheduleStoredAsync()
    {
        var rows = await _genericAttributeRepository.Table.Where(attribute => attribute.KeyGroup == LinePayDefaults.OrderKeyGroup
            && attribute.Key == LinePayDefaults.OrderPaymentAttribute && attribute.StoreId == 0).ToListAsync();
        var scheduled = 0;
        foreach (var row in rows)
        {
            if (Deserialize(row.Value) is not { } payment || LinePayPaymentSchedule.NextCheckOnUtc(payment, DateTime.UtcNow) is not { } due)
                continue;

            await _scheduleService.ScheduleAsync(row.EntityId, due);
            scheduled++;
        }

        return scheduled;
    }

    /// <summary>
    /// Writes the record as the JSON stored in the generic attribute
    /// </summary>
    public static string Serialize(LinePayOrderPayment payment) => JsonConvert.SerializeObject(payment, JsonSettings);

    /// <summary>
    /// Reads the JSON stored in the generic attribute; null for an empty value
    /// </summary>
    public static LinePayOrderPayment Deserialize(string json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonConvert.DeserializeObject<LinePayOrderPayment>(json, JsonSettings);
}
