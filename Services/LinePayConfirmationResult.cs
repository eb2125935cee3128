using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What came of finishing (or asking LINE Pay about) an order's payment
/// </summary>
/// <param name="Outcome">What happened</param>
/// <param name="Order">The order, as it stands now; null when the return was rejected</param>
/// <param name="ReturnCode">LINE Pay's return code when it refused, if any</param>
/// <param name="Problem">Why LINE Pay's answer is not known, when it is not</param>
public record LinePayConfirmationResult(LinePayConfirmationOutcome Outcome, Order Order = null, string ReturnCode = null,
    LinePayException Problem = null);
