using System.Globalization;
using Nop.Core.Domain.Common;
using Nop.Data;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The scheduled task's to-do list: one generic attribute row per order whose LINE Pay payment has something left to
/// do (entity 0, key group <see cref="LinePayDefaults.ScheduleKeyGroup"/>, the order's id as key, so that nopCommerce's
/// index on entity and key group finds the list without reading any other row), its CreatedOrUpdatedDateUTC saying
/// when (a run reads only the rows that are due, however many orders the store has), its value counting the visits
/// that found nothing new
/// </summary>
public class LinePayPaymentScheduleService
{
    protected readonly IRepository<GenericAttribute> _genericAttributeRepository;

    public LinePayPaymentScheduleService(IRepository<GenericAttribute> genericAttributeRepository)
    {
        _genericAttributeRepository = genericAttributeRepository;
    }

    /// <summary>
    /// Gets the key group of the list's rows
    /// </summary>
    protected virtual string KeyGroup => LinePayDefaults.ScheduleKeyGroup;

    /// <summary>
    /// Gets the orders whose payment is due by the time, the most overdue first, at most <paramref name="count"/>
    /// </summary>
    public virtual async Task<IList<LinePayScheduledCheck>> GetDueAsync(DateTime nowUtc, int count)
    {
        var keyGroup = KeyGroup;
        var rows = await _genericAttributeRepository.Table
            .Where(row => row.EntityId == 0 && row.KeyGroup == keyGroup && row.CreatedOrUpdatedDateUTC <= nowUtc)
            .OrderBy(row => row.CreatedOrUpdatedDateUTC)
            .Take(count)
            .ToListAsync();

        return rows.Select(ToCheck).Where(check => check is not null).DistinctBy(check => check.EntityId).ToList();
    }

    /// <summary>
    /// Gets when the order's payment is due, or null when it is not scheduled
    /// </summary>
    public virtual async Task<LinePayScheduledCheck> GetAsync(int orderId)
    {
        var row = await FindAsync(orderId);

        return row is null ? null : ToCheck(row);
    }

    /// <summary>
    /// Schedules the order's payment for the time, replacing what was scheduled
    /// </summary>
    public virtual async Task ScheduleAsync(int orderId, DateTime dueOnUtc, int unchangedVisits = 0)
    {
        var value = unchangedVisits.ToString(CultureInfo.InvariantCulture);
        var row = await FindAsync(orderId);
        if (row is null)
        {
            await _genericAttributeRepository.InsertAsync(new GenericAttribute
            {
                EntityId = 0,
                KeyGroup = KeyGroup,
                Key = OrderKey(orderId),
                Value = value,
                StoreId = 0,
                CreatedOrUpdatedDateUTC = dueOnUtc
            }, false);
            return;
        }

        row.Value = value;
        row.CreatedOrUpdatedDateUTC = dueOnUtc;
        await _genericAttributeRepository.UpdateAsync(row, false);
    }

    /// <summary>
    /// Takes the order off the list: nothing is left to do for its payment
    /// </summary>
    public virtual Task UnscheduleAsync(int orderId)
    {
        var key = OrderKey(orderId);
        var keyGroup = KeyGroup;

        return _genericAttributeRepository.DeleteAsync(row => row.EntityId == 0 && row.KeyGroup == keyGroup
            && row.Key == key);
    }

    protected virtual Task<GenericAttribute> FindAsync(int orderId)
    {
        var key = OrderKey(orderId);
        var keyGroup = KeyGroup;

        return _genericAttributeRepository.Table.FirstOrDefaultAsync(row => row.EntityId == 0
            && row.KeyGroup == keyGroup && row.Key == key);
    }

    private static string OrderKey(int orderId) => orderId.ToString(CultureInfo.InvariantCulture);

    private static LinePayScheduledCheck ToCheck(GenericAttribute row) =>
        int.TryParse(row.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId)
            ? new(orderId, row.CreatedOrUpdatedDateUTC ?? DateTime.MinValue,
                int.TryParse(row.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var visits) ? visits : 0)
            : null;
}
