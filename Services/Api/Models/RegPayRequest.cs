namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// options.regPayRequest of the Request API (v4 only): terms of a pre-approved payment
/// </summary>
public class RegPayRequest
{
    /// <summary>
    /// Gets or sets RECURRING or NON_RECURRING
    /// </summary>
    public string RegPayPeriodType { get; set; }

    /// <summary>
    /// Gets or sets WEEK, MONTH or YEAR
    /// </summary>
    public string RecurringPeriod { get; set; }

    public int? RecurringDay { get; set; }

    /// <summary>
    /// Gets or sets SUN … SAT
    /// </summary>
    public string RecurringDayOfWeek { get; set; }

    public int? RecurringMonth { get; set; }

    public decimal? ProductPrice { get; set; }

    public decimal? PerTransactionLimit { get; set; }
}
