using LinePay.Emulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

const string DefaultUrl = "http://127.0.0.1:5080";

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
    builder.WebHost.UseUrls(DefaultUrl);

var settings = builder.Configuration.GetSection(EmulatorSettings.SectionName).Get<EmulatorSettings>() ?? new EmulatorSettings();
builder.Services.AddLinePayEmulator(settings);

var app = builder.Build();
app.MapLinePayEmulator();
await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
    .Addresses.First().TrimEnd('/') + "/";
Console.WriteLine($"""

    LINE Pay emulator is running (Online API v3 and v4). Use these plugin settings:
      API base address : {address}
      Channel ID       : {settings.ChannelId}
      Channel secret   : {settings.ChannelSecret}
    Transactions: {address}emulator   Stop with Ctrl+C.

    """);

await app.WaitForShutdownAsync();
