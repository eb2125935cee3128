// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
using Nop.Core.Domain.Localization;

namespace Nop.Services.Localization;

public partial interface ILanguageService
{
    Task<Language> GetLanguageByIdAsync(int languageId);

    Task<IList<Language>> GetAllLanguagesAsync(bool showHidden = false, int storeId = 0);
}
