namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// options.display of the Request API
/// </summary>
public class DisplayOptions
{
    /// <summary>
    /// Gets or sets the payment page language: en, ja (v4), ko, th, zh_TW, zh_CN
    /// </summary>
    public string Locale { get; set; }

    public bool? CheckConfirmUrlBrowser { get; set; }
}
