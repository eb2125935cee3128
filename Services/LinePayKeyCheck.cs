using Nop.Plugin.Payments.LinePay.Domain;

namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// What a check of a subscription's key at LINE Pay found
/// </summary>
/// <param name="State">The key's state afterwards</param>
/// <param name="ReturnCode">What Check regKey answered; null when it was not asked or did not answer</param>
/// <param name="Asked">Whether LINE Pay was asked: false when the subscription has no key to check (none yet, or ended)</param>
/// <param name="Busy">Whether another request was working on the subscription, so nothing was asked</param>
public record LinePayKeyCheck(LinePayRegKeyState State, string ReturnCode, bool Asked = true, bool Busy = false);
