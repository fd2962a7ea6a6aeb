using Hyperion.Cli.Experiments;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Runner;
using Hyperion.Cli.Tracing;
using Hyperion.Engine.Callbacks;
using Hyperion.Engine.Running;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Hyperion.Cli.Application;

/// <summary>
/// Hyperion put together: logging (console, hyperion.log, the DEBUG buffer, run-uid and dcgid tags), tracing, the
/// environment (twin or real PVs), the RunEngine on the environment's clock, the callbacks and the plan runner.
/// <c>hyperion serve</c> puts the REST API in front of it; <c>hyperion run</c> runs one experiment through it.
/// </summary>
public sealed class HyperionApplication : IAsyncDisposable
{
    private readonly List<ILoggerProvider> _providers;
    private readonly TracerProvider? _tracing;

    private HyperionApplication(
        EnvironmentOptions options,
        LogContext logContext,
        ILoggerFactory loggers,
        List<ILoggerProvider> providers,
        DebugLogBuffer debugLog,
        TracerProvider? tracing,
        ExperimentEnvironment environment,
        RunEngine engine,
        ExperimentCallbacks callbacks,
        PlanRunner runner)
    {
        Options = options;
        LogContext = logContext;
        Loggers = loggers;
        _providers = providers;
        DebugLog = debugLog;
        _tracing = tracing;
        Environment = environment;
        Engine = engine;
        Callbacks = callbacks;
        Runner = runner;
    }

    /// <summary>What was asked for.</summary>
    public EnvironmentOptions Options { get; }

    /// <summary>The tags log lines carry.</summary>
    public LogContext LogContext { get; }

    /// <summary>Where everything logs.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>The in-memory DEBUG lines.</summary>
    public DebugLogBuffer DebugLog { get; }

    /// <summary>The devices and services.</summary>
    public ExperimentEnvironment Environment { get; }

    /// <summary>The RunEngine.</summary>
    public RunEngine Engine { get; }

    /// <summary>The document callbacks each experiment feeds.</summary>
    public ExperimentCallbacks Callbacks { get; }

    /// <summary>The plan runner.</summary>
    public PlanRunner Runner { get; }

    /// <summary>The devices as <c>GET /devices</c> lists them.</summary>
    public IReadOnlyList<DeviceInfo> DeviceList() =>
        [.. Environment.Devices.All.Select(d => new DeviceInfo(d.Name, d.GetType().Name, d.ConnectedInMockMode is not null))];

    /// <summary>
    /// Starts everything; console lines go to <paramref name="console"/> (INFO and above, DEBUG too with
    /// <see cref="EnvironmentOptions.Dev"/>). On failure what had started is stopped and the error rethrown.
    /// </summary>
    public static async Task<HyperionApplication> StartAsync(EnvironmentOptions options, TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        var logContext = new LogContext();
        var debugLog = new DebugLogBuffer(Path.Combine(options.LogDirectory, "debug"), logContext);
        List<ILoggerProvider> providers =
        [
            new LineLoggerProvider(console, logContext, options.Dev ? LogLevel.Debug : LogLevel.Information),
            LineLoggerProvider.ToFile(Path.Combine(options.LogDirectory, "hyperion.log"), logContext),
            debugLog,
        ];
        var loggers = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Debug);
            foreach (var provider in providers)
            {
                builder.AddProvider(provider);
            }
        });
        var tracing = HyperionTracing.Start(options.OtlpEndpoint);
        ExperimentEnvironment? environment = null;
        ExperimentCallbacks? callbacks = null;
        try
        {
            environment = await ExperimentEnvironment.StartAsync(options, loggers, cancellationToken).ConfigureAwait(false);
            var engine = new RunEngine(new RunEngineOptions { TimeProvider = environment.Time, LoggerFactory = loggers });
            callbacks = await ExperimentCallbacks.CreateAsync(environment, options, logContext, loggers, cancellationToken).ConfigureAwait(false);
            var runner = new PlanRunner(engine, ExperimentPlans.For(environment.Devices, environment.Time), callbacks.All, callbacks.DrainAsync, debugLog, loggers.CreateLogger<PlanRunner>());
            return new HyperionApplication(options, logContext, loggers, providers, debugLog, tracing, environment, engine, callbacks, runner);
        }
        catch
        {
            if (callbacks is not null)
            {
                await callbacks.DisposeAsync().ConfigureAwait(false);
            }

            if (environment is not null)
            {
                await environment.DisposeAsync().ConfigureAwait(false);
            }

            tracing?.Dispose();
            loggers.Dispose();
            providers.ForEach(p => p.Dispose());
            throw;
        }
    }

    /// <summary>Aborts any running plan, then stops everything.</summary>
    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync().ConfigureAwait(false);
        await Callbacks.DisposeAsync().ConfigureAwait(false);
        Engine.Dispose();
        await Environment.DisposeAsync().ConfigureAwait(false);
        _tracing?.Dispose();
        Loggers.Dispose();
        _providers.ForEach(p => p.Dispose());
    }
}
