namespace Nop.Plugin.Payments.LinePay.Services.Api;

/// <summary>
/// Timeouts LINE Pay recommends per endpoint: read timeouts per call, the connect timeout on the HTTP handler
/// </summary>
public class LinePayTimeouts
{
    /// <summary>
    /// Gets or sets the connect timeout, applied by the handler (see <see cref="LinePayClient.CreateHttpHandler"/>)
    /// </summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Request { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Confirm { get; set; } = TimeSpan.FromSeconds(40);

    public TimeSpan Capture { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Void { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan Refund { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan PaymentDetails { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan CheckPaymentStatus { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan PayPreapproved { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan CheckRegKey { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ExpireRegKey { get; set; } = TimeSpan.FromSeconds(20);
}
