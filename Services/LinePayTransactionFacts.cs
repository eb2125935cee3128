using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Plugin.Payments.LinePay.Services.Api.Models;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What LINE Pay says it holds for a transaction: from Confirm's answer or from Payment Details
/// </summary>
/// <param name="PayStatus">One of <see cref="LinePayPayStatus"/></param>
/// <param name="PaidAmount">The amount paid, Σ payInfo (refunds not deducted)</param>
/// <param name="Currency">The currency LINE Pay took the payment in</param>
/// <param name="Refunds">The refunds LINE Pay made of it</param>
/// <param name="AuthorizationExpireDate">Until when an authorization can be captured</param>
/// <param name="Methods">The funding methods, for a note</param>
/// <param name="RegKey">The key of a pre-approved payment; only Confirm's answer carries it</param>
public record LinePayTransactionFacts(string PayStatus, decimal PaidAmount, string Currency, IReadOnlyList<RefundDetailsInfo> Refunds,
    DateTimeOffset? AuthorizationExpireDate, string Methods, string RegKey = null)
{
    /// <summary>
    /// Gets the sum of the refunds, as a positive amount
    /// </summary>
    public decimal RefundedAmount => Refunds.Sum(refund => Math.Abs(refund.RefundAmount));

    /// <summary>
    /// Gets what Confirm's answer says: the payment as requested, captured or authorized by the record's mode
    /// </summary>
    public static LinePayTransactionFacts FromConfirm(ConfirmResponseInfo info, LinePayOrderPayment payment) => new(
        payment.PaymentMode == LinePayPaymentMode.CaptureImmediately ? LinePayPayStatus.Capture : LinePayPayStatus.Authorization,
        Sum(info.PayInfo), payment.Currency, [], info.AuthorizationExpireDate, MethodsOf(info.PayInfo), info.RegKey);

    /// <summary>
    /// Gets what Payment Details says
    /// </summary>
    public static LinePayTransactionFacts FromDetails(PaymentDetailsInfo details) => new(details.PayStatus ?? LinePayPayStatus.Capture,
        Sum(details.PayInfo), details.Currency, details.RefundList ?? [], details.AuthorizationExpireDate, MethodsOf(details.PayInfo));

    /// <summary>
    /// Gets LINE Pay's answer when Payment Details does not list a transaction (1150, which the client reads as an empty list)
    /// </summary>
    public static LinePayApiException NotListed() =>
        new("Payment Details", LinePayReturnCodes.TransactionNotFound, "Payment Details does not list the transaction");

    private static decimal Sum(IList<PayInfo> payInfo) => payInfo?.Sum(info => info.Amount) ?? decimal.Zero;

    private static string MethodsOf(IList<PayInfo> payInfo) =>
        string.Join(", ", payInfo?.Select(info => info.Method).Where(method => !string.IsNullOrEmpty(method)) ?? []);
}
