// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

public partial interface ICurrencyService
{
    Task<Currency> GetCurrencyByIdAsync(int currencyId);

    Task<Currency> GetCurrencyByCodeAsync(string currencyCode);

    Task<IList<Currency>> GetAllCurrenciesAsync(bool showHidden = false, int storeId = 0);

    Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode);
}
