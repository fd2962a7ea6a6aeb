using System.Net;
using Hyperion.Cli.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Runner;

/// <summary>The REST API served by Kestrel on a loopback address (127.0.0.1:5005 by default; port 0 picks a free one).</summary>
public sealed class RunnerHost : IAsyncDisposable
{
    /// <summary>Hyperion's port.</summary>
    public const int DefaultPort = 5005;

    private readonly WebApplication _app;

    private RunnerHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the API answers, e.g. http://127.0.0.1:5005.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="runner"/> on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static async Task<RunnerHost> StartAsync(
        PlanRunner runner,
        Func<IReadOnlyList<DeviceInfo>> devices,
        DebugLogBuffer? debugLog,
        ILoggerFactory loggers,
        int port = DefaultPort,
        IPAddress? address = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        address ??= IPAddress.Loopback;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        var app = builder.Build();
        RestApi.Map(app, runner, devices, debugLog);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunnerHost(app, new Uri(bound));
    }

    /// <summary>Stops serving.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
