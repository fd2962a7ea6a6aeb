using System.Net;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.Cli.Runner;
using Hyperion.SimBeamline.Behaviours;
using Hyperion.SimBeamline.Oav;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Sim;

/// <summary>
/// The twin OAV's MJPG server, as areaDetector's ffmpegServer serves a camera: <c>/{stream}.jpg</c> is the newest
/// frame as one JPEG (what dodal's snapshot devices fetch), <c>/{stream}.mjpg</c> a multipart/x-mixed-replace stream
/// of every new frame (what a browser or the synoptic shows). On start it writes both addresses to the plugin's
/// <c>MJPG:JPG_URL_RBV</c> and <c>MJPG:MJPG_URL_RBV</c>, as the real plugin publishes them.
/// </summary>
public sealed class OavMjpgServer : IAsyncDisposable
{
    /// <summary>The stream name in the URLs (i03's OAV serves <c>OAV.MJPG</c>).</summary>
    public const string StreamName = "OAV.MJPG";

    private const string Boundary = "--BOUNDARY";

    private readonly WebApplication _app;
    private readonly OavCameraSimulation _camera;
    private readonly TimeSpan _firstFrameTimeout;

    private OavMjpgServer(WebApplication app, OavCameraSimulation camera, TimeSpan firstFrameTimeout)
    {
        _app = app;
        _camera = camera;
        _firstFrameTimeout = firstFrameTimeout;
    }

    /// <summary>Where the newest frame is served as a JPEG.</summary>
    public Uri JpegUrl { get; private set; } = null!;

    /// <summary>Where the stream of frames is served.</summary>
    public Uri StreamUrl { get; private set; } = null!;

    /// <summary>
    /// Serves <paramref name="camera"/> on <paramref name="address"/> (loopback by default) and
    /// <paramref name="port"/> (0: a free one), and publishes the URLs in the plugin's PVs.
    /// </summary>
    /// <param name="camera">The twin's OAV.</param>
    /// <param name="records">The twin's PVs.</param>
    /// <param name="port">The TCP port; 0 picks a free one.</param>
    /// <param name="address">The address to listen on.</param>
    /// <param name="firstFrameTimeout">How long a request waits for the camera's first frame before answering 503.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<OavMjpgServer> StartAsync(
        OavCameraSimulation camera,
        RecordDatabase records,
        int port = 0,
        IPAddress? address = null,
        TimeSpan? firstFrameTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(records);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address ?? IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new OavMjpgServer(app, camera, firstFrameTimeout ?? TimeSpan.FromSeconds(10));
        app.MapGet($"/{StreamName}.jpg", server.ServeJpegAsync);
        app.MapGet($"/{StreamName}.mjpg", server.ServeStreamAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            server.JpegUrl = new Uri(bound, $"/{StreamName}.jpg");
            server.StreamUrl = new Uri(bound, $"/{StreamName}.mjpg");
            var plugin = new TwinPvWriter(records, camera.Prefix + "MJPG:");
            await plugin.SetTextAsync("JPG_URL_RBV", server.JpegUrl.ToString(), cancellationToken).ConfigureAwait(false);
            await plugin.SetTextAsync("MJPG_URL_RBV", server.StreamUrl.ToString(), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeJpegAsync(HttpContext context)
    {
        var frame = await NewestFrameAsync(context.RequestAborted).ConfigureAwait(false);
        if (frame is null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync($"The twin's OAV has produced no frame in {_firstFrameTimeout.TotalSeconds:0.#} s: is CAM:Acquire on?", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var jpeg = OavJpeg.Encode(frame.Image);
        context.Response.ContentType = "image/jpeg";
        context.Response.ContentLength = jpeg.Length;
        await context.Response.Body.WriteAsync(jpeg, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ServeStreamAsync(HttpContext context)
    {
        context.Response.ContentType = $"multipart/x-mixed-replace; boundary={Boundary[2..]}";
        try
        {
            await foreach (var frame in _camera.ObserveFramesAsync(context.RequestAborted).ConfigureAwait(false))
            {
                var jpeg = OavJpeg.Encode(frame.Image);
                await context.Response.WriteAsync($"{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {jpeg.Length}\r\n\r\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.WriteAsync(jpeg, context.RequestAborted).ConfigureAwait(false);
                await context.Response.WriteAsync("\r\n", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The viewer went away.
        }
    }

    private async Task<OavFrame?> NewestFrameAsync(CancellationToken cancellationToken)
    {
        if (_camera.CurrentFrame is { } frame)
        {
            return frame;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_firstFrameTimeout);
        try
        {
            return await _camera.WaitForFrameAsync(_ => true, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
