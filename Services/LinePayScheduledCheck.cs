namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// An entry of a scheduled task's to-do list: the order (or recurring payment) it is about, when it is due, and how
/// many visits in a row found nothing new
/// </summary>
public record LinePayScheduledCheck(int EntityId, DateTime DueOnUtc, int UnchangedVisits);
