using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Web.Framework.Models;
using Nop.Web.Framework.Mvc;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.LinePay.Models;

/// <summary>
/// Represents the LINE Pay configuration model of one store scope
/// </summary>
public record ConfigurationModel : BaseNopModel
{
    public int ActiveStoreScopeConfiguration { get; set; }

    /// <summary>
    /// Gets or sets where each store's payments go (live, sandbox, a test API)
    /// </summary>
    public IList<LinePayStoreEnvironment> StoreEnvironments { get; set; } = [];

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.ChannelId")]
    public string ChannelId { get; set; }
    public bool ChannelId_OverrideForStore { get; set; }

    /// <summary>
    /// Gets or sets a new channel secret; only ever posted by the admin, never filled in for the view
    /// </summary>
    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.ChannelSecret")]
    [NoTrim]
    [DataType(DataType.Password)]
    public string ChannelSecret { get; set; }
    public bool ChannelSecret_OverrideForStore { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a channel secret is stored for the store scope
    /// </summary>
    public bool ChannelSecretStored { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.UseSandbox")]
    public bool UseSandbox { get; set; }
    public bool UseSandbox_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.ApiVersion")]
    public int ApiVersionId { get; set; }
    public bool ApiVersionId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableApiVersions { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.CurrencyCode")]
    public string CurrencyCode { get; set; }
    public bool CurrencyCode_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailableCurrencyCodes { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.PaymentMode")]
    public int PaymentModeId { get; set; }
    public bool PaymentModeId_OverrideForStore { get; set; }
    public IList<SelectListItem> AvailablePaymentModes { get; set; } = new List<SelectListItem>();

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.AdditionalFee")]
    public decimal AdditionalFee { get; set; }
    public bool AdditionalFee_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.AdditionalFeePercentage")]
    public bool AdditionalFeePercentage { get; set; }
    public bool AdditionalFeePercentage_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.CancelUnpaidOrders")]
    public bool CancelUnpaidOrders { get; set; }
    public bool CancelUnpaidOrders_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.RefundPaymentsOfCancelledOrders")]
    public bool RefundPaymentsOfCancelledOrders { get; set; }
    public bool RefundPaymentsOfCancelledOrders_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.OfferSubscriptions")]
    public bool OfferSubscriptions { get; set; }
    public bool OfferSubscriptions_OverrideForStore { get; set; }

    [NopResourceDisplayName("Plugins.Payments.LinePay.Fields.ApiBaseAddress")]
    public string ApiBaseAddress { get; set; }
    public bool ApiBaseAddress_OverrideForStore { get; set; }
}
