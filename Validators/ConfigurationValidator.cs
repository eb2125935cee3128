using FluentValidation;
using Nop.Plugin.Payments.LinePay.Domain;
using Nop.Plugin.Payments.LinePay.Models;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Localization;
using Nop.Web.Framework.Validators;

namespace Nop.Plugin.Payments.LinePay.Validators;

/// <summary>
/// Validates the configuration form before anything is saved
/// </summary>
public class ConfigurationValidator : BaseNopValidator<ConfigurationModel>
{
    public ConfigurationValidator(ILocalizationService localizationService)
    {
        RuleFor(model => model.ChannelId)
            .NotEmpty()
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ChannelId.Required"));

        RuleFor(model => model.ChannelId)
            .Matches("^[0-9]+$")
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ChannelId.Digits"))
            .When(model => !string.IsNullOrEmpty(model.ChannelId));

        RuleFor(model => model.ApiVersionId)
            .Must(id => Enum.IsDefined(typeof(LinePayApiVersion), id))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ChooseFromList"));

        RuleFor(model => model.CurrencyCode)
            .Must(code => code is not null && LinePayCurrencyScale.SupportedCurrencies.Contains(code))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ChooseFromList"));

        RuleFor(model => model.PaymentModeId)
            .Must(id => Enum.IsDefined(typeof(LinePayPaymentMode), id))
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ChooseFromList"));

        RuleFor(model => model.AdditionalFee)
            .GreaterThanOrEqualTo(0)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.AdditionalFee.Negative"));

        RuleFor(model => model.ApiBaseAddress)
            .Must(address => LinePayBaseAddress.Parse(address, out _) != LinePayBaseAddressProblem.Invalid)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ApiBaseAddress.Invalid"))
            .When(model => !string.IsNullOrWhiteSpace(model.ApiBaseAddress));

        RuleFor(model => model.ApiBaseAddress)
            .Must(address => LinePayBaseAddress.Parse(address, out _) != LinePayBaseAddressProblem.HttpsRequired)
            .WithMessageAwait(localizationService.GetResourceAsync("Plugins.Payments.LinePay.Fields.ApiBaseAddress.HttpsRequired"))
            .When(model => !string.IsNullOrWhiteSpace(model.ApiBaseAddress));
    }
}
