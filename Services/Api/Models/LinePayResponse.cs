namespace Nop.Plugin.Payments.LinePay.Services.Api.Models;

/// <summary>
/// The envelope of every LINE Pay answer; some legacy errors use resultCode/statusMessage instead
/// </summary>
internal class LinePayResponse
{
    public string ReturnCode { get; set; }

    public string ReturnMessage { get; set; }

    public string ResultCode { get; set; }

    public string StatusMessage { get; set; }

    public string EffectiveReturnCode => ReturnCode ?? ResultCode;

    public string EffectiveReturnMessage => ReturnMessage ?? StatusMessage;
}
