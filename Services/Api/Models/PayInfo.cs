namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// One funding method of a payment (payInfo[]); the amounts add up to the payment amount
/// </summary>
public class PayInfo
{
    /// <summary>
    /// Gets or sets BALANCE, CREDIT_CARD, POINT (v3 also DISCOUNT)
    /// </summary>
    public string Method { get; set; }

    public decimal Amount { get; set; }

    public string CreditCardNickname { get; set; }

    public string CreditCardBrand { get; set; }

    /// <summary>
    /// Gets or sets the masked card number (Taiwan, by application); never log it
    /// </summary>
    public string MaskedCreditCardNumber { get; set; }
}
