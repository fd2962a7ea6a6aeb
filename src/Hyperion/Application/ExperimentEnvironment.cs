using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Pv;
using Hyperion.Cli.Experiments;
using Hyperion.Cli.Sim;
using Hyperion.Cli.Zocalo;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;
using Hyperion.SimBeamline.Oav;
using Hyperion.SimBeamline.Samples;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Application;

/// <summary>
/// The devices and services an experiment needs, on the twin (with its own Zocalo and ISPyB) or on real PVs (with
/// a Zocalo broker and an ISPyB store): what the runner and <c>hyperion run</c> drive.
/// </summary>
public sealed class ExperimentEnvironment : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private ExperimentEnvironment(HyperionDevices devices, TimeProvider time, IIspybStore ispyb, IZocaloTriggerTransport zocaloTrigger, TwinEnvironment? twin)
    {
        Devices = devices;
        Time = time;
        Ispyb = ispyb;
        ZocaloTrigger = zocaloTrigger;
        Twin = twin;
    }

    /// <summary>The devices.</summary>
    public HyperionDevices Devices { get; }

    /// <summary>The clock plans run on (the twin's, which may run fast).</summary>
    public TimeProvider Time { get; }

    /// <summary>The ISPyB store the callbacks write and Zocalo reads.</summary>
    public IIspybStore Ispyb { get; }

    /// <summary>Where Zocalo trigger messages go.</summary>
    public IZocaloTriggerTransport ZocaloTrigger { get; }

    /// <summary>The twin, when simulating.</summary>
    public TwinEnvironment? Twin { get; }

    /// <summary>One line saying what this is.</summary>
    public string Description => Twin is { } twin
        ? $"the {twin.Options.Beamline} twin ({twin.Options.PvTransport}, {twin.Options.Speed:0.##}× real time, Zocalo on {twin.ZocaloTransport.Description})"
        : $"{Devices.Beamline.Prefixes.Name} over Channel Access";

    /// <summary>Starts the environment <paramref name="options"/> describe.</summary>
    /// <exception cref="DeviceConnectionFailedException">Devices failed to connect at start-up.</exception>
    public static async Task<ExperimentEnvironment> StartAsync(EnvironmentOptions options, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        if (options.Sim)
        {
            var twin = await TwinEnvironment.StartAsync(
                new TwinEnvironmentOptions
                {
                    Beamline = options.Beamline,
                    PvTransport = options.PvTransport,
                    ZocaloBroker = options.ZocaloBroker,
                    ZocaloTimeout = options.ZocaloTimeout,
                    Speed = options.Speed,
                    IspybPath = options.IspybPath,
                    Sample = options.SampleFile is null ? null : SampleDefinition.Load(options.SampleFile),
                    IspybSamples = options.IspybSamples,
                    ConnectTimeout = options.ConnectTimeout,
                    ConnectDevices = !options.SkipStartupConnection,
                },
                loggers,
                cancellationToken).ConfigureAwait(false);
            var environment = new ExperimentEnvironment(twin.Devices, twin.Time, twin.Ispyb, twin.ZocaloTrigger, twin);
            environment._owned.Add(twin);
            return environment;
        }

        return await StartOnRealPvsAsync(options, loggers, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ExperimentEnvironment> StartOnRealPvsAsync(EnvironmentOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var owned = new List<IAsyncDisposable>();
        try
        {
            var ispyb = await SqliteIspybStore.OpenFileAsync(options.IspybPath ?? Path.Combine(options.LogDirectory, "ispyb.sqlite"), ct: cancellationToken).ConfigureAwait(false);
            owned.Add(ispyb);
            ITransport zocalo = options.ZocaloBroker is { } broker
                ? await RabbitMqTransport.ConnectAsync(new RabbitMqOptions(broker), logger: loggers.CreateLogger<RabbitMqTransport>(), cancellationToken: cancellationToken).ConfigureAwait(false)
                : throw new ArgumentException("On real PVs Hyperion needs a Zocalo broker: give --zocalo amqp://user:password@host:5672/", nameof(options));
            owned.Add(zocalo);
            IPvClient client = new CaClient(CaClientOptions.FromEnvironment(), loggerFactory: loggers);
            owned.Add(client);
            var prefix = options.Beamline == "s03" ? "BL03S" : "BL03I";
            var services = new BeamlineServices
            {
                ZocaloResults = new TransportZocaloResultsSource(zocalo, loggers.CreateLogger<TransportZocaloResultsSource>()),
                OavImages = new CaOavImageSource(client, prefix + "-DI-OAV-01:"),
                ZocaloTimeout = options.ZocaloTimeout,
            };
            var devices = await HyperionDevices.CreateAsync(
                options.Beamline,
                services,
                options.SkipStartupConnection ? null : new DeviceConnectOptions { PvClient = client, Timeout = options.ConnectTimeout },
                cancellationToken).ConfigureAwait(false);
            var environment = new ExperimentEnvironment(devices, TimeProvider.System, ispyb, new TransportZocaloTriggerTransport(zocalo), null);
            environment._owned.AddRange(owned);
            return environment;
        }
        catch
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                await owned[i].DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Stops everything this environment started.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }

        _owned.Clear();
    }
}
