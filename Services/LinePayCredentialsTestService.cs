using Nop.Plugin.Payments.LinePay.Services.Api;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Tells whether a channel ID and secret work, with a call that moves no money: Payment Details of an orderId that
/// cannot exist. LINE Pay checks the channel and the signature first, so an answer that lists nothing (0000, or 1150
/// which the client reads as nothing found) means the credentials work.
/// </summary>
public class LinePayCredentialsTestService
{
    protected readonly LinePayClientFactory _clientFactory;

    public LinePayCredentialsTestService(LinePayClientFactory clientFactory)
    {
        _clientFactory = clientFactory;
    }

    /// <summary>
    /// Tests the credentials of the settings against the environment they point at
    /// </summary>
    /// <returns>The result and LINE Pay's return code, if it answered one</returns>
    public virtual async Task<(LinePayCredentialsTestResult Result, string ReturnCode)> TestAsync(LinePayPaymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        LinePayClient client;
        try
        {
            client = _clientFactory.CreateClient(settings);
        }
        catch (ArgumentException)
        {
            return (LinePayCredentialsTestResult.Incomplete, null);
        }

        try
        {
            await client.GetPaymentDetailsAsync(orderIds: [$"credentials-test-{Guid.NewGuid():N}"]);
            return (LinePayCredentialsTestResult.Works, LinePayReturnCodes.Success);
        }
        catch (LinePayApiException exception)
        {
            var result = exception.ReturnCode switch
            {
                LinePayReturnCodes.MerchantNotFound => LinePayCredentialsTestResult.MerchantNotFound,
                LinePayReturnCodes.HeaderError => LinePayCredentialsTestResult.SignatureError,
                _ => LinePayCredentialsTestResult.OtherCode
            };
            return (result, exception.ReturnCode);
        }
        catch (LinePayException)
        {
            return (LinePayCredentialsTestResult.Unreachable, null);
        }
    }
}
