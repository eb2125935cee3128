using Nop.Core.Domain.Catalog;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The terms of a subscription as LINE Pay's Online API v4 takes them with its first payment (options.regPayRequest):
/// a cycle of one week, month or year is RECURRING on the weekday or day the subscription started; any other cycle
/// (days, or several weeks, months or years) is NON_RECURRING. Each cycle charges the first order's amount, so that is
/// both the product price and the limit of one payment.
/// </summary>
public static class LinePayRegPayTerms
{
    private static readonly string[] _weekdays = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>
    /// Gets the terms of the recurring payment, whose cycles charge the amount
    /// </summary>
    public static RegPayRequest Of(RecurringPayment recurringPayment, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(recurringPayment);

        var terms = new RegPayRequest { RegPayPeriodType = "NON_RECURRING", ProductPrice = amount, PerTransactionLimit = amount };
        if (recurringPayment.CycleLength != 1)
            return terms;

        var start = recurringPayment.StartDateUtc;
        switch (recurringPayment.CyclePeriod)
        {
            case RecurringProductCyclePeriod.Weeks:
                terms.RecurringPeriod = "WEEK";
                terms.RecurringDayOfWeek = _weekdays[(int)start.DayOfWeek];
                break;
            case RecurringProductCyclePeriod.Months:
                terms.RecurringPeriod = "MONTH";
                terms.RecurringDay = start.Day;
                break;
            case RecurringProductCyclePeriod.Years:
                terms.RecurringPeriod = "YEAR";
                terms.RecurringMonth = start.Month;
                terms.RecurringDay = start.Day;
                break;
            default:
                return terms;
        }

        terms.RegPayPeriodType = "RECURRING";
        return terms;
    }
}
