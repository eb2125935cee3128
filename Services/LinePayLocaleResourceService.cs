using System.Xml.Linq;
using Nop.Services.Localization;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Adds the plugin's locale resources from the files in its Localization folder, and deletes them
/// </summary>
public class LinePayLocaleResourceService
{
    /// <summary>
    /// Gets the culture of the resource file used for languages no file is written for
    /// </summary>
    public static string FallbackCulture => "en-US";

    protected readonly ILanguageService _languageService;
    protected readonly ILocalizationService _localizationService;

    public LinePayLocaleResourceService(ILanguageService languageService,
        ILocalizationService localizationService)
    {
        _languageService = languageService;
        _localizationService = localizationService;
    }

    /// <summary>
    /// Gets the culture of the resource file that serves a language: Thai for th, Traditional Chinese for zh-TW (and the
    /// other Traditional Chinese cultures), English for every other language
    /// </summary>
    /// <param name="languageCulture">Culture of a store language, e.g. "zh-TW"</param>
    public static string GetResourceCulture(string languageCulture)
    {
        var culture = languageCulture ?? string.Empty;

        if (culture.Equals("th", StringComparison.OrdinalIgnoreCase) || culture.StartsWith("th-", StringComparison.OrdinalIgnoreCase))
            return "th-TH";

        if (culture.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase)
            || new[] { "zh-TW", "zh-HK", "zh-MO" }.Contains(culture, StringComparer.OrdinalIgnoreCase))
            return "zh-TW";

        return FallbackCulture;
    }

    /// <summary>
    /// Reads one resource file (nopCommerce language pack format: Language/LocaleResource[@Name]/Value)
    /// </summary>
    /// <param name="path">Full path of the file</param>
    /// <returns>Resource values by resource name</returns>
    public static IDictionary<string, string> ReadResourceFile(string path)
    {
        return XDocument.Load(path).Root!.Elements("LocaleResource")
            .ToDictionary(resource => (string)resource.Attribute("Name"), resource => (string)resource.Element("Value"));
    }

    /// <summary>
    /// Adds or updates the plugin's resources in every language of the store, each in the language's own translation
    /// </summary>
    /// <param name="pluginDirectory">Folder of the plugin (the one holding plugin.json and the Localization folder)</param>
    public virtual async Task AddOrUpdateResourcesAsync(string pluginDirectory)
    {
        var localizationDirectory = Path.Combine(pluginDirectory, LinePayDefaults.LocalizationFolder);
        var resourcesByCulture = new Dictionary<string, IDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);

        foreach (var language in await _languageService.GetAllLanguagesAsync(showHidden: true))
        {
            var culture = GetResourceCulture(language.LanguageCulture);
            if (!resourcesByCulture.TryGetValue(culture, out var resources))
            {
                resources = ReadResourceFile(Path.Combine(localizationDirectory, $"{culture}.xml"));
                resourcesByCulture[culture] = resources;
            }

            await _localizationService.AddOrUpdateLocaleResourceAsync(resources, language.Id);
        }
    }

    /// <summary>
    /// Deletes the plugin's resources in every language
    /// </summary>
    public virtual async Task DeleteResourcesAsync()
    {
        await _localizationService.DeleteLocaleResourcesAsync(LinePayDefaults.ResourcePrefix);
    }
}
