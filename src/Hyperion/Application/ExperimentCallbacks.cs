using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Callbacks.Broker;
using Hyperion.Cli.Logging;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Callbacks;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.Application;

/// <summary>
/// The document callbacks every experiment feeds: run-uid log tagging and document logging, always in-process, then
/// either Hyperion's ISPyB, NeXus and Zocalo callbacks in-process or, with external callbacks, a publisher that sends
/// every document over the broker to a <c>hyperion callbacks</c> process. Drained before the runner reports a plan's
/// end: in-process until every callback has handled every document, external until the broker has confirmed them all.
/// </summary>
public sealed class ExperimentCallbacks : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task> _drain;
    private readonly Func<ValueTask> _dispose;

    private ExperimentCallbacks(IReadOnlyList<DocumentCallback> all, Func<CancellationToken, Task> drain, Func<ValueTask> dispose, string description)
    {
        All = all;
        _drain = drain;
        _dispose = dispose;
        Description = description;
    }

    /// <summary>The callbacks to subscribe for each experiment.</summary>
    public IReadOnlyList<DocumentCallback> All { get; }

    /// <summary>Where the ISPyB, NeXus and Zocalo callbacks run, for logs.</summary>
    public string Description { get; }

    /// <summary>The in-process callbacks for <paramref name="environment"/>.</summary>
    public static ExperimentCallbacks Create(ExperimentEnvironment environment, LogContext logContext, ILoggerFactory loggers, bool verboseEventLogging)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggers);
        var hyperion = HyperionCallbacks.Create(
            environment.Ispyb, environment.ZocaloTrigger, ZocaloConstants.ZocaloEnvironment, loggers, environment.Time, environment.Devices.Beamline.Configuration);
        return new ExperimentCallbacks(
            [.. Local(logContext, loggers, verboseEventLogging), hyperion.Callback], hyperion.DrainAsync, hyperion.DisposeAsync, "in-process");
    }

    /// <summary>
    /// The callbacks <paramref name="options"/> ask for: in-process, or with <see cref="EnvironmentOptions.ExternalCallbacks"/>
    /// a document publisher on <see cref="EnvironmentOptions.ExternalCallbacksBroker"/>.
    /// </summary>
    /// <exception cref="ArgumentException">External callbacks without a broker.</exception>
    /// <exception cref="TransportException">The broker cannot be reached or refused the documents' exchange or queue.</exception>
    public static async Task<ExperimentCallbacks> CreateAsync(
        ExperimentEnvironment environment, EnvironmentOptions options, LogContext logContext, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        if (!options.ExternalCallbacks)
        {
            return Create(environment, logContext, loggers, options.VerboseEventLogging);
        }

        var broker = options.ExternalCallbacksBroker();
        if (options.Sim && options.IspybPath is null)
        {
            // The twin's Zocalo reads its grids from Hyperion's ISPyB; only a shared file lets it see what the callbacks process writes.
            BrokerLog.TwinIspybNotShared(loggers.CreateLogger<ExperimentCallbacks>());
        }

        var transport = await RabbitMqTransport.ConnectAsync(
            new RabbitMqOptions(broker) { ClientName = "hyperion-documents" }, logger: loggers.CreateLogger<RabbitMqTransport>(), cancellationToken: cancellationToken).ConfigureAwait(false);
        DocumentPublisher publisher;
        try
        {
            publisher = await DocumentPublisher.StartAsync(transport, loggers.CreateLogger<DocumentPublisher>(), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        async ValueTask DisposeAsync()
        {
            await publisher.DisposeAsync().ConfigureAwait(false);
            await transport.DisposeAsync().ConfigureAwait(false);
        }

        return new ExperimentCallbacks(
            [.. Local(logContext, loggers, options.VerboseEventLogging), publisher.Callback],
            publisher.DrainAsync,
            DisposeAsync,
            $"external: documents to exchange {DocumentBus.Exchange} on {transport.Description}");
    }

    /// <summary>Waits until every callback has handled every document so far (external: until the broker has confirmed them).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => _drain(cancellationToken);

    /// <summary>Stops the callbacks' workers (external: after publishing what is queued).</summary>
    public ValueTask DisposeAsync() => _dispose();

    private static DocumentCallback[] Local(LogContext logContext, ILoggerFactory loggers, bool verboseEventLogging) =>
    [
        new LogUidTagging(logContext).Callback,
        new DocumentLogging(loggers.CreateLogger<DocumentLogging>(), verboseEventLogging).Callback,
    ];
}
