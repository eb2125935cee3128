// Compile-time stand-in for nopCommerce 4.90 (Nop.Services); never shipped.
namespace Nop.Services.Localization;

public partial interface ILocalizationService
{
    Task<string> GetResourceAsync(string resourceKey);

    Task AddOrUpdateLocaleResourceAsync(IDictionary<string, string> resources, int? languageId = null);

    Task DeleteLocaleResourcesAsync(string resourceNamePrefix, int? languageId = null);
}
