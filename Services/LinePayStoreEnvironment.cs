namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Where one store's LINE Pay payments go, and the API host they are sent to
/// </summary>
public record LinePayStoreEnvironment(string StoreName, LinePayEnvironmentKind Kind, string ApiAddress);
