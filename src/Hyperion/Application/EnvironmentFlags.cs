using System.CommandLine;
using System.Globalization;
using Hyperion.Cli.Sim;
using Hyperion.Devices.Mx.Zocalo;

namespace Hyperion.Cli.Application;

/// <summary>The flags <c>serve</c> and <c>run</c> share, and their reading into <see cref="EnvironmentOptions"/>.</summary>
public sealed class EnvironmentFlags
{
    /// <summary>--sim.</summary>
    public Option<bool> Sim { get; } = new("--sim") { Description = "Run on the twin in-process (true, the default) or on the beamline's real PVs (--sim false).", DefaultValueFactory = _ => true };

    /// <summary>--beamline.</summary>
    public Option<string> Beamline { get; } = new("--beamline", "-b") { Description = "The beamline: s03 (BL03S-, the twin's default) or i03 (BL03I-).", DefaultValueFactory = _ => "s03" };

    /// <summary>--pv-transport.</summary>
    public Option<string> PvTransport { get; } = new("--pv-transport") { Description = "How devices reach the twin: inproc (no network) or ca (Channel Access on loopback).", DefaultValueFactory = _ => "inproc" };

    /// <summary>--zocalo.</summary>
    public Option<string> Zocalo { get; } = new("--zocalo") { Description = "The Zocalo bus: memory (in-process) or a RabbitMQ URI amqp://user:password@host:5672/vhost.", DefaultValueFactory = _ => "memory" };

    /// <summary>--zocalo-timeout.</summary>
    public Option<double> ZocaloTimeout { get; } = new("--zocalo-timeout") { Description = "Seconds to wait for Zocalo's results after a grid scan before failing the centring (dodal's 180 by default).", DefaultValueFactory = _ => ZocaloConstants.DefaultTimeout.TotalSeconds };

    /// <summary>--external-callbacks.</summary>
    public Option<bool> ExternalCallbacks { get; } = new("--external-callbacks") { Description = "Publish documents to a broker for a `hyperion callbacks` process instead of running the ISPyB, NeXus and Zocalo callbacks here." };

    /// <summary>--callbacks-broker.</summary>
    public Option<string?> CallbacksBroker { get; } = new("--callbacks-broker") { Description = "With --external-callbacks: the broker documents go to, amqp://user:password@host:5672/vhost (default: the --zocalo broker)." };

    /// <summary>--speed.</summary>
    public Option<double> Speed { get; } = new("--speed") { Description = "Run the twin's clock this many times faster than real time.", DefaultValueFactory = _ => 1.0 };

    /// <summary>--ispyb.</summary>
    public Option<string?> Ispyb { get; } = new("--ispyb") { Description = "The SQLite ISPyB file (default: in memory on the twin, <log dir>/ispyb.sqlite on real PVs)." };

    /// <summary>--sample.</summary>
    public Option<string?> Sample { get; } = new("--sample") { Description = "The twin's sample file (JSON; `hyperion sim --print-sample` shows the format)." };

    /// <summary>--log-dir.</summary>
    public Option<string> LogDir { get; } = new("--log-dir") { Description = "Where hyperion.log and debug logs go.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "hyperion-logs") };

    /// <summary>--dev.</summary>
    public Option<bool> Dev { get; } = new("--dev") { Description = "Developer mode: DEBUG lines on the console too." };

    /// <summary>--verbose-event-logging.</summary>
    public Option<bool> VerboseEventLogging { get; } = new("--verbose-event-logging") { Description = "Log every document the RunEngine emits at INFO." };

    /// <summary>--skip-startup-connection.</summary>
    public Option<bool> SkipStartupConnection { get; } = new("--skip-startup-connection") { Description = "Do not connect the devices at start-up." };

    /// <summary>--otlp-endpoint.</summary>
    public Option<string?> OtlpEndpoint { get; } = new("--otlp-endpoint") { Description = "Export traces over OTLP/HTTP to this URL, e.g. http://localhost:4318/v1/traces (default: $OTEL_EXPORTER_OTLP_ENDPOINT)." };

    /// <summary>--ispyb-sample.</summary>
    public Option<long[]> IspybSample { get; } = new("--ispyb-sample") { Description = "A BLSample id to register in the twin's ISPyB at start, as the user office would (repeatable; `run` registers its parameters' sample_id itself).", AllowMultipleArgumentsPerToken = true };

    /// <summary>Every flag, to add to a command.</summary>
    public IEnumerable<Option> All => [Sim, Beamline, PvTransport, Zocalo, ZocaloTimeout, ExternalCallbacks, CallbacksBroker, Speed, Ispyb, IspybSample, Sample, LogDir, Dev, VerboseEventLogging, SkipStartupConnection, OtlpEndpoint];

    /// <summary>Reads the flags; throws <see cref="ArgumentException"/> naming the flag that is wrong.</summary>
    public EnvironmentOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var beamline = parse.GetValue(Beamline)!;
        if (beamline is not ("s03" or "i03"))
        {
            throw new ArgumentException($"--beamline: '{beamline}' is not i03 or s03.");
        }

        var transport = parse.GetValue(PvTransport) switch
        {
            "inproc" => Cli.Sim.PvTransport.InProcess,
            "ca" => Cli.Sim.PvTransport.ChannelAccess,
            var other => throw new ArgumentException($"--pv-transport: '{other}' is not inproc or ca."),
        };
        var speed = parse.GetValue(Speed);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentException($"--speed: {speed.ToString(CultureInfo.InvariantCulture)} is not a positive number.");
        }

        var zocaloTimeout = parse.GetValue(ZocaloTimeout);
        if (!double.IsFinite(zocaloTimeout) || zocaloTimeout <= 0 || zocaloTimeout > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            throw new ArgumentException($"--zocalo-timeout: {zocaloTimeout.ToString(CultureInfo.InvariantCulture)} is not a positive number of seconds.");
        }

        var zocalo = Broker(parse.GetValue(Zocalo)!);
        var external = parse.GetValue(ExternalCallbacks);
        var callbacksBroker = parse.GetValue(CallbacksBroker) is { } text ? AbsoluteUri("--callbacks-broker", text, "amqp", "amqps") : null;
        if (callbacksBroker is not null && !external)
        {
            throw new ArgumentException("--callbacks-broker: only used with --external-callbacks.");
        }

        if (external && callbacksBroker is null && zocalo is null)
        {
            throw new ArgumentException(
                "--external-callbacks: no broker to publish documents to; give --callbacks-broker amqp://user:password@host:5672/vhost (or --zocalo amqp://...).");
        }

        return new EnvironmentOptions
        {
            Sim = parse.GetValue(Sim),
            Beamline = beamline,
            PvTransport = transport,
            ZocaloBroker = zocalo,
            ZocaloTimeout = TimeSpan.FromSeconds(zocaloTimeout),
            ExternalCallbacks = external,
            CallbacksBroker = callbacksBroker,
            Speed = speed,
            IspybPath = parse.GetValue(Ispyb),
            SampleFile = parse.GetValue(Sample),
            IspybSamples = parse.GetValue(IspybSample) ?? [],
            LogDirectory = parse.GetValue(LogDir)!,
            Dev = parse.GetValue(Dev),
            VerboseEventLogging = parse.GetValue(VerboseEventLogging),
            SkipStartupConnection = parse.GetValue(SkipStartupConnection),
            OtlpEndpoint = parse.GetValue(OtlpEndpoint) is { } otlp ? AbsoluteUri("--otlp-endpoint", otlp, "http", "https") : null,
        };
    }

    private static Uri? Broker(string text) =>
        string.Equals(text, "memory", StringComparison.Ordinal) ? null : AbsoluteUri("--zocalo", text, "amqp", "amqps");

    private static Uri AbsoluteUri(string flag, string text, params string[] schemes)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{flag}: '{text}' is not a {string.Join(" or ", schemes)} URL.");
        }

        return uri;
    }
}
