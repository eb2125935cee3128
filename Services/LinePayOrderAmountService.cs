using Nop.Core;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Expresses an order total in the configured LINE Pay currency
/// </summary>
public class LinePayOrderAmountService
{
    protected readonly CurrencySettings _currencySettings;
    protected readonly ICurrencyService _currencyService;

    public LinePayOrderAmountService(CurrencySettings currencySettings, ICurrencyService currencyService)
    {
        _currencySettings = currencySettings;
        _currencyService = currencyService;
    }

    /// <summary>
    /// Gets the order total in the currency: the amount the customer saw when they paid in that currency
    /// (OrderTotal × CurrencyRate), the total itself when it is the primary store currency, otherwise the total
    /// converted by nopCommerce's currency service; then rounded half away from zero to the currency's scale
    /// </summary>
    /// <exception cref="NopException">The store has no usable currency with this code</exception>
    public virtual async Task<LinePayOrderAmount> GetAmountAsync(Order order, string currencyCode)
    {
        ArgumentNullException.ThrowIfNull(order);
        //a currency LINE Pay does not take is refused before anything is converted
        LinePayCurrencyScale.GetDecimals(currencyCode);

        Func<decimal, Task<decimal>> convert;
        if (string.Equals(order.CustomerCurrencyCode, currencyCode, StringComparison.OrdinalIgnoreCase) && order.CurrencyRate > 0)
            convert = amount => Task.FromResult(amount * order.CurrencyRate);
        else if (string.Equals((await _currencyService.GetCurrencyByIdAsync(_currencySettings.PrimaryStoreCurrencyId))?.CurrencyCode,
                     currencyCode, StringComparison.OrdinalIgnoreCase))
            convert = Task.FromResult;
        else
        {
            var currency = await _currencyService.GetCurrencyByCodeAsync(currencyCode);
            if (currency is null || currency.Rate <= 0)
                throw new NopException($"The store has no exchange rate for {currencyCode}; add the currency to pay with LINE Pay.");
            convert = amount => _currencyService.ConvertFromPrimaryStoreCurrencyAsync(amount, currency);
        }

        var exact = await convert(order.OrderTotal);

        return new LinePayOrderAmount(LinePayCurrencyScale.Round(exact, currencyCode), exact, currencyCode,
            async amount => LinePayCurrencyScale.Round(await convert(amount), currencyCode));
    }
}
