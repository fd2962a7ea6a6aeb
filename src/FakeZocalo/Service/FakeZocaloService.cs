using Hyperion.FakeZocalo.Analysis;
using Hyperion.FakeZocalo.Faults;
using Hyperion.FakeZocalo.Logging;
using Hyperion.FakeZocalo.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.FakeZocalo.Service;

/// <summary>
/// One FakeZocalo process on a transport: declares Zocalo's topology and runs the roles its options ask for —
/// the trigger dispatcher, per-image workers and the X-ray centring reducer. Start as many as you like on one
/// broker: workers compete for frames, and one dispatcher and one reducer are active at a time.
/// </summary>
public sealed class FakeZocaloService : IAsyncDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);
    private readonly List<IAsyncDisposable> _subscriptions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private ILogger _logger = NullLogger.Instance;
    private Task _ticker = Task.CompletedTask;

    private FakeZocaloService(ITransport transport, ZocaloServiceOptions options, ZocaloFaults faults, TimeProvider time)
    {
        Transport = transport;
        Options = options;
        Faults = faults;
        _time = time;
    }

    /// <summary>The broker it works on.</summary>
    public ITransport Transport { get; }

    /// <summary>How it was started.</summary>
    public ZocaloServiceOptions Options { get; }

    /// <summary>The faults in force; change them at any time.</summary>
    public ZocaloFaults Faults { get; }

    /// <summary>The dispatcher, when this process dispatches.</summary>
    public TriggerDispatcher? Dispatcher { get; private set; }

    /// <summary>The reducer, when this process reduces.</summary>
    public CentringReducer? Reducer { get; private set; }

    /// <summary>Declares the topology and starts consuming.</summary>
    public static async Task<FakeZocaloService> StartAsync(
        ITransport transport,
        ZocaloServiceParts parts,
        ZocaloServiceOptions? options = null,
        ZocaloFaults? faults = null,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(parts);
        options ??= new ZocaloServiceOptions();
        time ??= TimeProvider.System;
        loggers ??= NullLoggerFactory.Instance;
        var service = new FakeZocaloService(transport, options, faults ?? new ZocaloFaults(), time);
        try
        {
            await options.Topology.DeclareAsync(transport, cancellationToken);
            await service.SubscribeAsync(parts, loggers, cancellationToken);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    /// <summary>Stops consuming (the broker gets back what was held) and waits for delayed replies to go out.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync();
        }

        try
        {
            await _ticker;
        }
        catch (OperationCanceledException)
        {
            // The ticker ends by cancellation.
        }

        Dispatcher?.Dispose();
        Reducer?.Dispose();
        _stop.Dispose();
    }

    private async Task SubscribeAsync(ZocaloServiceParts parts, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var options = Options;
        _logger = loggers.CreateLogger<FakeZocaloService>();
        if (options.Reduce)
        {
            var publisher = parts.Publisher(Transport, options.Topology);
            Reducer = new CentringReducer(parts.Catalog, parts.Centring, publisher, Faults, options, _time, loggers.CreateLogger<CentringReducer>());
            _subscriptions.Add(await Transport.SubscribeAsync(
                ZocaloTopology.XrayCentring,
                Reducer.HandleAsync,
                new SubscriptionOptions(Prefetch: ushort.MaxValue, ConsumerTag: "xray-centring", Concurrency: 1),
                cancellationToken));
        }

        if (options.AnalyseImages)
        {
            var worker = new PerImageWorker(Transport, parts.Analyser, loggers.CreateLogger<PerImageWorker>());
            _subscriptions.Add(await Transport.SubscribeAsync(
                ZocaloTopology.PerImageAnalysis,
                worker.HandleAsync,
                new SubscriptionOptions(Prefetch: options.ImageConcurrency, ConsumerTag: "per-image-analysis"),
                cancellationToken));
        }

        if (options.Dispatch)
        {
            Dispatcher = new TriggerDispatcher(Transport, parts.Catalog, options, _time, loggers.CreateLogger<TriggerDispatcher>());
            _subscriptions.Add(await Transport.SubscribeAsync(
                ZocaloTopology.ProcessingRecipe,
                Dispatcher.HandleAsync,
                new SubscriptionOptions(Prefetch: 256, ConsumerTag: "dispatcher", Concurrency: 1),
                cancellationToken));
        }

        _ticker = TickAsync(_stop.Token);
    }

    private async Task TickAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                if (Dispatcher is { } dispatcher)
                {
                    await dispatcher.ExpireWaitingAsync(stop);
                }

                if (Reducer is { } reducer)
                {
                    await reducer.SweepAsync(stop);
                }
            }
            catch (TransportException failed)
            {
                // The broker is away; the next tick tries again (what was held stays unacknowledged meanwhile).
                ZocaloLog.TickFailed(_logger, failed.Message);
            }
        }
    }
}
