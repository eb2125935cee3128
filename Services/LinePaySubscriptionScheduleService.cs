using Nop.Core.Domain.Common;
using Nop.Data;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The subscription task's to-do list: one row per recurring payment paid with LINE Pay (its id as key, key group
/// <see cref="LinePayDefaults.SubscriptionScheduleKeyGroup"/>), due when its next cycle is, or when its key is to be
/// expired; a run reads only the rows that are due
/// </summary>
public class LinePaySubscriptionScheduleService : LinePayPaymentScheduleService
{
    public LinePaySubscriptionScheduleService(IRepository<GenericAttribute> genericAttributeRepository)
        : base(genericAttributeRepository)
    {
    }

    protected override string KeyGroup => LinePayDefaults.SubscriptionScheduleKeyGroup;
}
