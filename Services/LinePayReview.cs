using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What a read of Payment Details changed in a payment's record
/// </summary>
/// <param name="Changed">Whether the record changed (and was saved)</param>
/// <param name="NewRefunds">Refunds the record learned of</param>
/// <param name="Problem">Why LINE Pay did not tell, when it did not</param>
public record LinePayReview(bool Changed, IList<LinePayRefund> NewRefunds, LinePayException Problem);
