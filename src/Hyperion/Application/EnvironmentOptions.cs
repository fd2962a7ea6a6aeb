using Hyperion.Cli.Sim;
using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Cli.Application;

/// <summary>Where Hyperion runs its experiments: the twin or real PVs, which Zocalo, which ISPyB store, where it logs.</summary>
public sealed record EnvironmentOptions
{
    /// <summary>The twin in-process (true) or the beamline's real PVs over Channel Access (false).</summary>
    public bool Sim { get; init; } = true;

    /// <summary>i03 or s03 (the twin's default).</summary>
    public string Beamline { get; init; } = "s03";

    /// <summary>How devices reach the twin's PVs (ignored on real PVs, which are always Channel Access).</summary>
    public PvTransport PvTransport { get; init; } = PvTransport.InProcess;

    /// <summary>The Zocalo broker, or null for the in-memory bus.</summary>
    public Uri? ZocaloBroker { get; init; }

    /// <summary>How long the zocalo device waits for results after a grid scan (dodal's 180 s by default).</summary>
    public TimeSpan ZocaloTimeout { get; init; } = ZocaloConstants.DefaultTimeout;

    /// <summary>
    /// Run the ISPyB, NeXus and Zocalo callbacks in a separate <c>hyperion callbacks</c> process: publish every document to
    /// <see cref="CallbacksBroker"/> instead (mx-bluesky's <c>--external-callbacks</c>). Log tagging and document logging stay here.
    /// </summary>
    public bool ExternalCallbacks { get; init; }

    /// <summary>The broker documents go to with <see cref="ExternalCallbacks"/>; null for <see cref="ZocaloBroker"/>.</summary>
    public Uri? CallbacksBroker { get; init; }

    /// <summary>The twin's clock speed.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>The SQLite ISPyB file, or null: in memory on the twin, <c>{log dir}/ispyb.sqlite</c> on real PVs.</summary>
    public string? IspybPath { get; init; }

    /// <summary>The twin's sample file (JSON), or null for thaumatin.</summary>
    public string? SampleFile { get; init; }

    /// <summary>The BLSample ids to register in the twin's ISPyB at start (<c>--ispyb-sample</c>).</summary>
    public IReadOnlyList<long> IspybSamples { get; init; } = [];

    /// <summary>Where hyperion.log and debug logs go.</summary>
    public string LogDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "hyperion-logs");

    /// <summary>Developer mode: DEBUG lines on the console too.</summary>
    public bool Dev { get; init; }

    /// <summary>Log every document the RunEngine emits.</summary>
    public bool VerboseEventLogging { get; init; }

    /// <summary>Start without connecting the devices (they connect on first use... or fail then).</summary>
    public bool SkipStartupConnection { get; init; }

    /// <summary>The OTLP endpoint traces go to, or null (then OTEL_EXPORTER_OTLP_ENDPOINT, else no export).</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>The broker documents are published to with <see cref="ExternalCallbacks"/>: <see cref="CallbacksBroker"/>, else <see cref="ZocaloBroker"/>.</summary>
    /// <exception cref="ArgumentException">Neither broker is given.</exception>
    public Uri ExternalCallbacksBroker() =>
        CallbacksBroker ?? ZocaloBroker ?? throw new ArgumentException(
            "--external-callbacks needs a broker to publish documents to: give --callbacks-broker amqp://user:password@host:5672/vhost (or --zocalo amqp://...).");

    /// <summary>How long device connection may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
