using System.Runtime.CompilerServices;
using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Detectors;

/// <summary>
/// A file-writing detector made of a controller and a writer (ophyd-async's StandardDetector). Step scans trigger
/// it (arm, wait for the exposures of one event to be written); fly scans prepare it with a <see cref="TriggerInfo"/>,
/// kick it off and complete when every event is written, reporting progress from the frames written. Its data is
/// external: read gives nothing, describe gives the writer's stream DataKeys, and collect_asset_docs gives
/// StreamResource/StreamDatum documents.
/// </summary>
public class StandardDetector : Device, IReadable, IConfigurable, IStageable, ITriggerable, IPreparable, IFlyable, ICollectable, IWritesStreamAssets, IHasHints
{
    private readonly IReadOnlyList<SignalR<double>> _configuration;
    private TriggerInfo? _triggerInfo;
    private IReadOnlyDictionary<string, DataKey> _describe = new Dictionary<string, DataKey>();
    private long _framesAtKickoff;

    /// <summary>Creates the detector; <paramref name="configuration"/> signals go into read_configuration.</summary>
    public StandardDetector(IDetectorController controller, IDetectorWriter writer, IEnumerable<SignalR<double>>? configuration = null, string name = "")
        : base(string.Empty)
    {
        Controller = controller ?? throw new ArgumentNullException(nameof(controller));
        Writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _configuration = [.. configuration ?? []];
        SetName(name);
    }

    /// <summary>The controller.</summary>
    public IDetectorController Controller { get; }

    /// <summary>The writer.</summary>
    public IDetectorWriter Writer { get; }

    /// <summary>What the detector was last prepared for.</summary>
    public TriggerInfo? TriggerInfo => _triggerInfo;

    /// <inheritdoc/>
    public Hints Hints => new() { Fields = [] };

    /// <inheritdoc/>
    public Status Stage() => new(StageAsync(), this);

    /// <summary>Disarms and forgets any previous preparation, as ophyd-async's stage does.</summary>
    public async Task StageAsync(CancellationToken cancellationToken = default)
    {
        await Controller.DisarmAsync(cancellationToken).ConfigureAwait(false);
        _triggerInfo = null;
    }

    /// <inheritdoc/>
    public Status Unstage() => new(UnstageAsync(), this);

    /// <summary>Disarms and closes the writer.</summary>
    public async Task UnstageAsync(CancellationToken cancellationToken = default)
    {
        await Controller.DisarmAsync(cancellationToken).ConfigureAwait(false);
        await Writer.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Status Prepare(object? value) => value is TriggerInfo info
        ? new Status(PrepareAsync(info), this)
        : throw new SignalTypeException(Name, $"prepare expects a {nameof(Detectors.TriggerInfo)}, got {value?.GetType().Name ?? "null"}.");

    /// <summary>Checks the deadtime, prepares the controller and opens the writer for <paramref name="info"/>.</summary>
    public async Task PrepareAsync(TriggerInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.Validate();
        if (info.Trigger != DetectorTrigger.Internal)
        {
            var required = Controller.GetDeadtime(info.Livetime);
            if (info.Deadtime < required)
            {
                throw new DeadtimeException(Name, required, info.Deadtime);
            }
        }

        _triggerInfo = info;
        await Controller.PrepareAsync(info, cancellationToken).ConfigureAwait(false);
        _describe = await Writer.OpenAsync(Name, info.ExposuresPerEvent, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Status Trigger() => new(TriggerAsync(), this);

    /// <summary>Collects one event: arms, waits for its frames to be written, waits for the detector to go idle.</summary>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        if (_triggerInfo is null)
        {
            await PrepareAsync(new TriggerInfo { NumberOfEvents = 1 }, cancellationToken).ConfigureAwait(false);
        }

        var info = _triggerInfo!;
        if (info.Trigger != DetectorTrigger.Internal)
        {
            throw new InvalidOperationException($"{Name}: trigger() needs internal triggering, but the detector is prepared for {SignalDatatype<DetectorTrigger>.Label(info.Trigger)}.");
        }

        var before = await Writer.GetIndicesWrittenAsync(cancellationToken).ConfigureAwait(false);
        await Controller.ArmAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var written in Writer.ObserveIndicesWrittenAsync(ExposureTimeout(info), cancellationToken).ConfigureAwait(false))
        {
            if (written > before)
            {
                break;
            }
        }

        await Controller.WaitForIdleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Status Kickoff() => new(KickoffAsync(), this);

    /// <summary>Arms for the prepared fly scan.</summary>
    public async Task KickoffAsync(CancellationToken cancellationToken = default)
    {
        if (_triggerInfo is null)
        {
            throw new InvalidOperationException($"{Name}: kickoff before prepare.");
        }

        _framesAtKickoff = await Writer.GetIndicesWrittenAsync(cancellationToken).ConfigureAwait(false);
        await Controller.ArmAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Status Complete()
    {
        var info = _triggerInfo ?? throw new InvalidOperationException($"{Name}: complete before prepare.");
        return WatchableStatus.FromUpdates(ProgressAsync(info, CancellationToken.None), this);
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        new(new Dictionary<string, Reading>());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) => new(_describe);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeCollectAsync(CancellationToken cancellationToken = default) => new(_describe);

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, Reading>();
        foreach (var signal in _configuration)
        {
            foreach (var (key, reading) in await signal.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                merged[key] = reading;
            }
        }

        return merged;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, DataKey>();
        foreach (var signal in _configuration)
        {
            foreach (var (key, dataKey) in await signal.DescribeAsync(cancellationToken).ConfigureAwait(false))
            {
                merged[key] = dataKey;
            }
        }

        return merged;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<Document> CollectStreamDocsAsync(long? index, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var upTo = index ?? await Writer.GetIndicesWrittenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var document in Writer.CollectStreamDocsAsync(Name, upTo, cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<long> GetIndexAsync(CancellationToken cancellationToken = default) =>
        await Writer.GetIndicesWrittenAsync(cancellationToken).ConfigureAwait(false);

    private static TimeSpan ExposureTimeout(TriggerInfo info) =>
        TimeSpan.FromSeconds((info.Livetime ?? 0) + (info.ExposureTimeout ?? Signal.DefaultTimeout.TotalSeconds));

    // Progress is frames written since kickoff against the events asked for; 0 events means until stopped.
    private async IAsyncEnumerable<WatcherUpdate> ProgressAsync(TriggerInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var target = info.NumberOfEvents;
        var start = _framesAtKickoff;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await foreach (var written in Writer.ObserveIndicesWrittenAsync(ExposureTimeout(info), cancellationToken).ConfigureAwait(false))
            {
                var done = written - start;
                var remaining = done > 0 && target > 0 ? TimeSpan.FromTicks(watch.Elapsed.Ticks * (target - done) / done) : (TimeSpan?)null;
                yield return new WatcherUpdate(done, 0, target, Name, "frames", TimeElapsed: watch.Elapsed, TimeRemaining: remaining);
                if (target > 0 && done >= target)
                {
                    break;
                }
            }
        }
        finally
        {
            _triggerInfo = null;
        }
    }
}
