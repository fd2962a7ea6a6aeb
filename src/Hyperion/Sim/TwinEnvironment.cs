using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Zocalo;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Oav;
using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Frames;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Service;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.InMemory;
using Hyperion.FakeZocalo.Transport.RabbitMq;
using Hyperion.SimBeamline;
using Hyperion.SimBeamline.Clock;
using Hyperion.SimBeamline.Oav;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Cli.Sim;

/// <summary>
/// Everything <c>hyperion serve --sim</c> needs, started together: the twin (S03-style, with its crystal), the devices
/// connected to it in-process or over Channel Access, the fake Zocalo on the in-memory bus or RabbitMQ, and the SQLite
/// ISPyB store both Hyperion's callbacks and Zocalo use. Disposing stops them in reverse order.
/// </summary>
public sealed class TwinEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private DetectorFrameAnalyser? _analyser;

    private TwinEnvironment(TwinEnvironmentOptions options, SimulatedBeamline twin, TimeProvider time)
    {
        Options = options;
        Twin = twin;
        Time = time;
    }

    /// <summary>What was started.</summary>
    public TwinEnvironmentOptions Options { get; }

    /// <summary>The twin.</summary>
    public SimulatedBeamline Twin { get; }

    /// <summary>The twin's clock, which the RunEngine should use too.</summary>
    public TimeProvider Time { get; }

    /// <summary>The client the devices use.</summary>
    public IPvClient PvClient { get; private set; } = null!;

    /// <summary>The Channel Access server, when the devices reach the twin over CA.</summary>
    public CaServer? CaServer { get; private set; }

    /// <summary>The devices, connected.</summary>
    public HyperionDevices Devices { get; private set; } = null!;

    /// <summary>The Zocalo bus.</summary>
    public ITransport ZocaloTransport { get; private set; } = null!;

    /// <summary>The fake Zocalo service.</summary>
    public FakeZocaloService Zocalo { get; private set; } = null!;

    /// <summary>The twin OAV's MJPG server, which snapshots are fetched from.</summary>
    public OavMjpgServer OavServer { get; private set; } = null!;

    /// <summary>The ISPyB store.</summary>
    public SqliteIspybStore Ispyb { get; private set; } = null!;

    /// <summary>Where zocalo trigger messages go (for the Zocalo callback).</summary>
    public TransportZocaloTriggerTransport ZocaloTrigger { get; private set; } = null!;

    /// <summary>Starts everything; on failure, stops what had started and rethrows.</summary>
    public static async Task<TwinEnvironment> StartAsync(TwinEnvironmentOptions options, ILoggerFactory? loggers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        var time = options.Speed == 1.0 ? TimeProvider.System : new ScaledTimeProvider(options.Speed);
        var twin = SimulatedBeamline.Create(options.Beamline, time, sample: options.Sample);
        var environment = new TwinEnvironment(options, twin, time);
        try
        {
            await environment.StartPartsAsync(loggers, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await environment.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return environment;
    }

    private async Task StartPartsAsync(ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        Ispyb = Options.IspybPath is { } path
            ? await SqliteIspybStore.OpenFileAsync(path, ct: cancellationToken).ConfigureAwait(false)
            : await SqliteIspybStore.OpenInMemoryAsync(ct: cancellationToken).ConfigureAwait(false);
        _owned.Add(Ispyb);
        await RegisterSamplesAsync(cancellationToken).ConfigureAwait(false);

        ZocaloTransport = Options.ZocaloBroker is { } broker
            ? await RabbitMqTransport.ConnectAsync(new RabbitMqOptions(broker), logger: loggers.CreateLogger<RabbitMqTransport>(), cancellationToken: cancellationToken).ConfigureAwait(false)
            : new InMemoryTransport(logger: loggers.CreateLogger<InMemoryTransport>());
        _owned.Add(ZocaloTransport);
        ZocaloTrigger = new TransportZocaloTriggerTransport(ZocaloTransport);

        // dodal's zocalo device takes CPU results only by default, so the twin's Zocalo marks its results as CPU ones.
        var zocaloOptions = new ZocaloServiceOptions { MarkResultsGpu = false };
        _analyser = new DetectorFrameAnalyser(FrameReaderOptions.Default with { Timeout = zocaloOptions.FrameTimeout });
        Zocalo = await FakeZocaloService.StartAsync(
            ZocaloTransport, ZocaloServiceParts.Create(Ispyb, _analyser, zocaloOptions), zocaloOptions, time: TimeProvider.System, loggers: loggers, cancellationToken: cancellationToken).ConfigureAwait(false);
        _owned.Add(Zocalo);

        OavServer = await OavMjpgServer.StartAsync(Twin.Oav, Twin.Records, cancellationToken: cancellationToken).ConfigureAwait(false);
        _owned.Add(OavServer);

        IOavImageSource oavImages;
        if (Options.PvTransport == PvTransport.ChannelAccess)
        {
            CaServer = new CaServer(Twin.Provider, new CaServerOptions { ServerPort = 0, AutoBeaconAddresses = false, InterfaceAddresses = [System.Net.IPAddress.Loopback] });
            await CaServer.StartAsync(cancellationToken).ConfigureAwait(false);
            _owned.Add(CaServer);
            PvClient = new CaClient(new CaClientOptions { AddressList = [$"127.0.0.1:{CaServer.UdpPort}"], AutoAddressList = false, RegisterWithRepeater = false });
            oavImages = new CaOavImageSource(PvClient, Twin.Definition.Prefixes.Beamline + "-DI-OAV-01:");
        }
        else
        {
            PvClient = Twin.CreateClient();
            oavImages = Twin.Oav;
        }

        _owned.Add(PvClient);
        var services = new BeamlineServices
        {
            ZocaloResults = new TransportZocaloResultsSource(ZocaloTransport, loggers.CreateLogger<TransportZocaloResultsSource>()),
            OavImages = oavImages,
            ZocaloTimeout = Options.ZocaloTimeout,
        };
        Devices = await HyperionDevices.CreateAsync(
            Options.Beamline,
            services,
            Options.ConnectDevices ? new DeviceConnectOptions { PvClient = PvClient, Timeout = Options.ConnectTimeout } : null,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RegisterSamplesAsync(CancellationToken cancellationToken)
    {
        foreach (var id in Options.IspybSamples.Distinct())
        {
            if (await Ispyb.GetSampleAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                await Ispyb.UpsertSampleAsync(new BLSampleRow { BlSampleId = id, Name = Twin.Sample.Name, Comments = "Registered on the twin" }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops everything started, newest first.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }

        _owned.Clear();
        _analyser?.Dispose();
        await Twin.DisposeAsync().ConfigureAwait(false);
    }
}
