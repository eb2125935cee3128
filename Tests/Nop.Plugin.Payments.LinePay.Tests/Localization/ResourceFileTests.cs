using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.LinePay.Tests.Localization;

[TestFixture]
public class ResourceFileTests
{
    private static readonly string[] Cultures = ["en-US", "zh-TW", "th-TH"];

    [TestCase("zh-TW")]
    [TestCase("th-TH")]
    public void EveryLanguageHasTheSameKeysAsEnglish(string culture)
    {
        Assert.That(PluginFiles.Resources(culture).Keys, Is.EquivalentTo(PluginFiles.Resources("en-US").Keys));
    }

    [TestCaseSource(nameof(Cultures))]
    public void EveryFileIsALanguagePackOfItsCultureWithOnlyThePluginsNonEmptyResources(string culture)
    {
        var root = XDocument.Load(PluginFiles.ResourceFile(culture)).Root!;
        var resources = PluginFiles.Resources(culture);

        Assert.That(root.Name.LocalName, Is.EqualTo("Language"));
        Assert.That((string)root.Attribute("Culture"), Is.EqualTo(culture));
        Assert.That(root.Elements("LocaleResource").Count(), Is.EqualTo(resources.Count), "duplicate resource names");
        Assert.That(resources.Keys, Is.All.StartsWith(LinePayDefaults.ResourcePrefix + "."));
        Assert.That(resources.Values, Is.All.Not.Null.And.Not.Empty.And.Not.StartsWith(" "));
    }

    [Test]
    public void TranslationsAreNotCopiesOfTheEnglishText()
    {
        var english = PluginFiles.Resources("en-US");
        foreach (var culture in new[] { "zh-TW", "th-TH" })
        {
            var translated = PluginFiles.Resources(culture);
            //short product terms such as "Channel ID" are kept in English by LINE Pay's own merchant pages
            var copied = english.Keys.Where(k => translated[k] == english[k] && english[k].Length > 20).ToList();
            Assert.That(copied, Is.Empty, culture);
        }
    }

    [TestCase("zh-TW")]
    [TestCase("th-TH")]
    public void EveryTranslationHasThePlaceholdersOfTheEnglishText(string culture)
    {
        static string[] placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order().ToArray();
        var english = PluginFiles.Resources("en-US");
        var translated = PluginFiles.Resources(culture);

        var differing = english.Keys.Where(k => !placeholders(english[k]).SequenceEqual(placeholders(translated[k]))).ToList();

        Assert.That(differing, Is.Empty);
    }

    [Test]
    public void EveryOutcomeWithAnOrderHasAMessageForAnotherBrowserNamingOnlyTheOrderNumber()
    {
        var outcomes = Enum.GetValues<LinePayConfirmationOutcome>().Where(o => o != LinePayConfirmationOutcome.Rejected).ToList();

        foreach (var culture in Cultures)
        {
            var resources = PluginFiles.Resources(culture);
            foreach (var outcome in outcomes)
            {
                var key = LinePayReturnService.GetOtherBrowserMessageResource(outcome);
                Assert.That(resources.Keys, Does.Contain(key), $"{culture} {outcome}");
                Assert.That(Regex.Matches(resources[key], @"\{\d+\}").Select(m => m.Value), Is.EqualTo(new[] { "{0}" }), $"{culture} {outcome}");
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => LinePayReturnService.GetOtherBrowserMessageResource(LinePayConfirmationOutcome.Rejected));
    }

    [Test]
    public void EveryConfigurationFieldHasALabelAndAHint()
    {
        var english = PluginFiles.Resources("en-US");
        var keys = typeof(ConfigurationModel).GetProperties()
            .Select(p => p.GetCustomAttribute<NopResourceDisplayNameAttribute>()?.ResourceKey)
            .Where(key => key is not null)
            .ToList();

        Assert.That(keys, Has.Count.EqualTo(12));
        Assert.That(english.Keys, Is.SupersetOf(keys));
        Assert.That(english.Keys, Is.SupersetOf(keys.Select(key => key + ".Hint")));
    }

    [Test]
    public void EveryResourceTheCodeAndViewsNameExists()
    {
        var english = PluginFiles.Resources("en-US");
        var sources = Directory.GetFiles(PluginFiles.Root, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(PluginFiles.InRoot("Views"), "*.cshtml"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Tests{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}NopReference{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var named = sources
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"(Plugins\\.Payments\\.LinePay\\.[A-Za-z.]+)\"").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(english.Keys, Is.SupersetOf(named));
        Assert.That(english.Keys, Does.Contain("Plugins.Payments.LinePay.PaymentMode.CaptureImmediately")
            .And.Contain("Plugins.Payments.LinePay.PaymentMode.AuthorizeOnly"));
    }
}
