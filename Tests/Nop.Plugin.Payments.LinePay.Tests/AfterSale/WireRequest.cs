namespace Nop.Plugin.Payments.LinePay.Tests.AfterSale;

/// <summary>
/// A request as it was sent to LINE Pay
/// </summary>
public sealed record WireRequest(string Method, string Path, string Body);
