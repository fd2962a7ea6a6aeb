using Hyperion.Cli.Callbacks;
using Hyperion.Cli.Callbacks.Broker;
using Hyperion.Cli.Logging;
using Hyperion.Cli.Zocalo;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.FakeZocalo.Ispyb;
using Hyperion.FakeZocalo.Transport;
using Hyperion.FakeZocalo.Transport.RabbitMq;
using Microsoft.Extensions.Logging;

namespace Hyperion.Cli.ExternalCallbacks;

/// <summary>
/// Hyperion's callbacks in their own process (mx-bluesky's <c>hyperion-callbacks</c>): consumes the documents
/// <c>hyperion serve --external-callbacks</c> publishes and feeds them, in order, to the same ISPyB, NeXus and Zocalo
/// callbacks the in-process path runs, writing a SQLite ISPyB file and sending Zocalo its triggers. Disposing stops
/// consuming, lets the document in hand finish, drains the callbacks and closes everything.
/// </summary>
public sealed class ExternalCallbacksHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned;
    private readonly List<ILoggerProvider> _providers;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly CallbacksDocumentHandler _handler;
    private readonly DocumentConsumer _consumer;
    private int _disposed;

    private ExternalCallbacksHost(
        List<IAsyncDisposable> owned,
        List<ILoggerProvider> providers,
        ILoggerFactory loggers,
        ILogger log,
        CallbacksDocumentHandler handler,
        DocumentConsumer consumer)
    {
        _owned = owned;
        _providers = providers;
        _loggers = loggers;
        _log = log;
        _handler = handler;
        _consumer = consumer;
    }

    /// <summary>How many documents the callbacks have been given.</summary>
    public long Handled => _consumer.Handled;

    /// <summary>How many messages were rejected (dead-lettered).</summary>
    public long Rejected => _consumer.Rejected;

    /// <summary>
    /// Connects to the broker(s), opens the ISPyB file, builds the callbacks and starts consuming, then logs
    /// "Hyperion callbacks ready, ...". Console lines go to <paramref name="console"/>; everything also goes to
    /// <c>hyperion-callbacks.log</c> in the log directory. On failure what had started is stopped and the error rethrown.
    /// </summary>
    /// <exception cref="ArgumentException">The beamline is not i03 or s03.</exception>
    /// <exception cref="TransportException">A broker cannot be reached or refused the queue.</exception>
    /// <exception cref="IOException">The ISPyB file or the log directory cannot be opened.</exception>
    public static async Task<ExternalCallbacksHost> StartAsync(ExternalCallbacksOptions options, TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);

        // The configuration the in-process path takes from its devices: the beamline builds its devices lazily, so
        // asking for its configuration builds none.
        var configuration = I03Beamline.Create(options.Beamline).Configuration;
        var logContext = new LogContext();
        Directory.CreateDirectory(options.LogDirectory);
        List<ILoggerProvider> providers =
        [
            new LineLoggerProvider(console, logContext, options.Dev ? LogLevel.Debug : LogLevel.Information),
            LineLoggerProvider.ToFile(Path.Combine(options.LogDirectory, "hyperion-callbacks.log"), logContext, LogLevel.Debug),
        ];
        var loggers = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Debug);
            foreach (var provider in providers)
            {
                builder.AddProvider(provider);
            }
        });
        var log = loggers.CreateLogger("Hyperion.Callbacks.External");
        var owned = new List<IAsyncDisposable>();
        try
        {
            var documents = await ConnectAsync(options.Broker, options.ConnectTimeout, loggers, cancellationToken).ConfigureAwait(false);
            owned.Add(documents);
            var zocalo = documents;
            if (options.ZocaloBroker is { } zocaloBroker && zocaloBroker != options.Broker)
            {
                zocalo = await ConnectAsync(zocaloBroker, options.ConnectTimeout, loggers, cancellationToken).ConfigureAwait(false);
                owned.Add(zocalo);
            }

            var ispyb = await SqliteIspybStore.OpenFileAsync(options.IspybPath, ct: cancellationToken).ConfigureAwait(false);
            owned.Add(ispyb);
            var callbacks = HyperionCallbacks.Create(
                ispyb, new TransportZocaloTriggerTransport(zocalo), ZocaloConstants.ZocaloEnvironment, loggers, TimeProvider.System, configuration);
            owned.Add(callbacks);
            var handler = new CallbacksDocumentHandler(callbacks, new LogUidTagging(logContext), log);
            var consumer = await DocumentConsumer.StartAsync(documents, handler, loggers.CreateLogger<DocumentConsumer>(), cancellationToken).ConfigureAwait(false);
            var ispybPath = Path.GetFullPath(options.IspybPath);
            ExternalCallbacksLog.Ready(log, DocumentBus.Exchange, documents.Description, DocumentBus.Queue, ispybPath, zocalo.Description);
            return new ExternalCallbacksHost(owned, providers, loggers, log, handler, consumer);
        }
        catch
        {
            for (var i = owned.Count - 1; i >= 0; i--)
            {
                await owned[i].DisposeAsync().ConfigureAwait(false);
            }

            loggers.Dispose();
            providers.ForEach(p => p.Dispose());
            throw;
        }
    }

    /// <summary>Stops consuming (the document in hand finishes), drains the callbacks, then closes everything.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _consumer.DisposeAsync().ConfigureAwait(false);
        ExternalCallbacksLog.Stopping(_log, _consumer.Handled, _consumer.Rejected, _handler.Failures);

        // The owned parts close newest first: the callbacks' queue (which drains), the ISPyB store, the transports.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync().ConfigureAwait(false);
        }

        _loggers.Dispose();
        _providers.ForEach(p => p.Dispose());
    }

    private static async Task<ITransport> ConnectAsync(Uri broker, TimeSpan timeout, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        await RabbitMqTransport.ConnectAsync(
            new RabbitMqOptions(broker) { ConnectTimeout = timeout, ClientName = "hyperion-callbacks" },
            logger: loggers.CreateLogger<RabbitMqTransport>(),
            cancellationToken: cancellationToken).ConfigureAwait(false);
}
