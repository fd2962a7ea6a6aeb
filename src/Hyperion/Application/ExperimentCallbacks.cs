using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Logging;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Callbacks;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Application;

/// <summary>
/// The document callbacks every experiment feeds, in-process: run-uid log tagging, document logging, and
/// Hyperion's ISPyB, NeXus and Zocalo callbacks; drained before the runner reports a plan's end.
/// </summary>
public sealed class ExperimentCallbacks : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _drain;
    private readonly Func<ValueTask> _dispose;

    private ExperimentCallbacks(IReadOnlyList<DocumentCallback> all, Func<CancellationToken, Task> drain, Func<ValueTask> dispose)
    {
        All = all;
        _drain = drain;
        _dispose = dispose;
    }

    /// <summary>The callbacks to subscribe for each experiment.</summary>
    public IReadOnlyList<DocumentCallback> All { get; }

    /// <summary>The callbacks for <paramref name="environment"/>.</summary>
    public static ExperimentCallbacks Create(ExperimentEnvironment environment, LogContext logContext, ILoggerFactory loggers, bool verboseEventLogging)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggers);
        var tagging = new LogUidTagging(logContext);
        var documents = new DocumentLogging(loggers.CreateLogger<DocumentLogging>(), verboseEventLogging);
        var hyperion = HyperionCallbacks.Create(
            environment.Ispyb, environment.ZocaloTrigger, ZocaloConstants.ZocaloEnvironment, loggers, environment.Time, environment.Devices.Beamline.Configuration);
        return new ExperimentCallbacks([tagging.Callback, documents.Callback, hyperion.Callback], hyperion.DrainAsync, hyperion.DisposeAsync);
    }

    /// <summary>Waits until every callback has handled every document so far.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => _drain(cancellationToken);

    /// <summary>Stops the callbacks' workers.</summary>
    public ValueTask DisposeAsync() => _dispose();
}
