namespace Nop.Plugin.Payments.LinePay.Services;

/// <summary>
/// Where a store's LINE Pay payments go
/// </summary>
public enum LinePayEnvironmentKind
{
    /// <summary>LINE Pay's live API: real money</summary>
    Live,

    /// <summary>LINE Pay's sandbox: no money moves</summary>
    Sandbox,

    /// <summary>Another API base address (a test emulator): no money moves</summary>
    TestApi
}
