using Nop.Core.Domain.Orders;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// The outcome of a return from LINE Pay
/// </summary>
/// <param name="Outcome">What happened</param>
/// <param name="Order">The order, as it stands now; null when the return was rejected</param>
/// <param name="ReturnCode">LINE Pay's return code when it refused, if any</param>
public record LinePayConfirmationResult(LinePayConfirmationOutcome Outcome, Order Order = null, string ReturnCode = null);
