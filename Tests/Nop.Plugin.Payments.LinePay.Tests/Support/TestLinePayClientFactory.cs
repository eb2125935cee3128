using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nop.Plugin.Payments.LinePay.Services;
using Nop.Plugin.Payments.LinePay.Services.Api;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.LinePay.Tests.Support;

/// <summary>
/// The plugin's client factory with timeouts a test can shorten (LINE Pay's own are 20–60 seconds)
/// </summary>
public class TestLinePayClientFactory(IHttpClientFactory httpClientFactory, ISettingService settingService,
    LinePayChannelSecretService channelSecretService, ILoggerFactory loggerFactory = null)
    : LinePayClientFactory(httpClientFactory, loggerFactory ?? NullLoggerFactory.Instance, settingService, channelSecretService)
{
    public LinePayTimeouts Timeouts { get; set; } = new();

    protected override LinePayTimeouts CreateTimeouts() => Timeouts;
}
