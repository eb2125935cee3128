namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// An order on the scheduled task's to-do list: when its payment is due, and how many visits in a row found nothing new
/// </summary>
public record LinePayScheduledCheck(int OrderId, DateTime DueOnUtc, int UnchangedVisits);
