namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// The envelope of a LINE Pay answer carrying info (present only on success)
/// </summary>
internal class LinePayResponse<TInfo> : LinePayResponse
{
    public TInfo Info { get; set; }
}
