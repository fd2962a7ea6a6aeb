using System.Threading.Channels;
using Hyperion.Devices.Backends;
using Hyperion.Devices.Signals;
using Hyperion.Devices.Standard;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// Zocalo's X-ray centring results as a readable device (dodal's ZocaloResults). Staging subscribes to the
/// results channel, lets stale messages arrive and clears them; each trigger waits for the next results, ranks the
/// crystals strongest first and publishes them as per-field arrays (flattened row-major where dodal's are 2-D or
/// 3-D); unstaging disconnects. By default GPU results are ignored; <c>useGpu</c> takes whichever comes first and
/// <c>useCpuAndGpu</c> waits for both, compares them and uses the CPU's.
/// </summary>
public sealed class ZocaloResults : StandardReadable, ITriggerable
{
    /// <summary>The <see cref="SampleId"/> entry of a crystal zocalo gave no sample id for.</summary>
    public const long NoSampleId = -1;

    private readonly IZocaloResultsSource _source;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<TimeSpan> _resultWaits = [];
    private readonly Lock _gate = new();
    private readonly Action<long[]> _setMaxVoxel;
    private readonly Action<long[]> _setMaxCount;
    private readonly Action<long[]> _setNVoxels;
    private readonly Action<long[]> _setTotalCount;
    private readonly Action<double[]> _setCentreOfMass;
    private readonly Action<long[]> _setBoundingBox;
    private readonly Action<int> _setIspybDcid;
    private readonly Action<int> _setIspybDcgid;
    private readonly Action<long[]> _setSampleId;
    private Channel<ZocaloResultsMessage> _rawResultsReceived = NewQueue();
    private IAsyncDisposable? _transport;

    /// <summary>Creates the device reading <paramref name="channel"/> of <paramref name="source"/>.</summary>
    /// <param name="source">Where results come from.</param>
    /// <param name="name">The device name (dodal's default "zocalo").</param>
    /// <param name="zocaloEnvironment">The zocalo environment; null for <see cref="ZocaloConstants.ZocaloEnvironment"/>.</param>
    /// <param name="channel">The results queue.</param>
    /// <param name="sortKey">What the crystals are ranked by.</param>
    /// <param name="timeout">How long a trigger waits; null for 180 s.</param>
    /// <param name="useCpuAndGpu">Wait for both CPU and GPU results, compare them, use the CPU's.</param>
    /// <param name="useGpu">Accept GPU results, using whichever results come first.</param>
    /// <param name="clearQueueWait">How long staging waits before clearing stale results; null for 2 s.</param>
    /// <param name="logger">Where log lines go.</param>
    /// <param name="timeProvider">The clock for the staging wait.</param>
    public ZocaloResults(
        IZocaloResultsSource source,
        string name = "zocalo",
        string? zocaloEnvironment = null,
        string channel = "xrc.i03",
        SortKeys sortKey = ZocaloConstants.DefaultSortKey,
        TimeSpan? timeout = null,
        bool useCpuAndGpu = false,
        bool useGpu = false,
        TimeSpan? clearQueueWait = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
        : base(string.Empty)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        ZocaloEnvironment = zocaloEnvironment ?? ZocaloConstants.ZocaloEnvironment;
        Channel = channel;
        SortKey = sortKey;
        Timeout = timeout ?? ZocaloConstants.DefaultTimeout;
        UseCpuAndGpu = useCpuAndGpu;
        UseGpu = useGpu;
        ClearQueueWait = clearQueueWait ?? ZocaloConstants.ClearQueueWait;
        (MaxVoxel, _setMaxVoxel) = SoftSignal<long[]>([]);
        (MaxCount, _setMaxCount) = SoftSignal<long[]>([]);
        (NVoxels, _setNVoxels) = SoftSignal<long[]>([]);
        (TotalCount, _setTotalCount) = SoftSignal<long[]>([]);
        (CentreOfMass, _setCentreOfMass) = SoftSignal<double[]>([]);
        (BoundingBox, _setBoundingBox) = SoftSignal<long[]>([]);
        (IspybDcid, _setIspybDcid) = SoftSignal(0);
        (IspybDcgid, _setIspybDcgid) = SoftSignal(0);
        (SampleId, _setSampleId) = SoftSignal<long[]>([]);
        AddReadables(StandardReadableFormat.HintedSignal, MaxVoxel, MaxCount, NVoxels, TotalCount, CentreOfMass, BoundingBox, IspybDcid, IspybDcgid, SampleId);
        SetName(name);
    }

    /// <summary>Each crystal's strongest voxel, three values per crystal.</summary>
    public SignalR<long[]> MaxVoxel { get; }

    /// <summary>Each crystal's highest voxel count.</summary>
    public SignalR<long[]> MaxCount { get; }

    /// <summary>Each crystal's size in voxels.</summary>
    public SignalR<long[]> NVoxels { get; }

    /// <summary>Each crystal's total count.</summary>
    public SignalR<long[]> TotalCount { get; }

    /// <summary>Each crystal's raw (uncorrected) centre of mass, three values per crystal.</summary>
    public SignalR<double[]> CentreOfMass { get; }

    /// <summary>Each crystal's bounding box, six values per crystal: x1 y1 z1 x2 y2 z2.</summary>
    public SignalR<long[]> BoundingBox { get; }

    /// <summary>The data collection id the results are for.</summary>
    public SignalR<int> IspybDcid { get; }

    /// <summary>The data collection group id the results are for.</summary>
    public SignalR<int> IspybDcgid { get; }

    /// <summary>Each crystal's sample id, <see cref="NoSampleId"/> where zocalo gave none.</summary>
    public SignalR<long[]> SampleId { get; }

    /// <summary>The zocalo environment.</summary>
    public string ZocaloEnvironment { get; }

    /// <summary>The results queue.</summary>
    public string Channel { get; }

    /// <summary>What the crystals are ranked by.</summary>
    public SortKeys SortKey { get; }

    /// <summary>How long a trigger waits for results.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How long each successful trigger waited for Zocalo's results, oldest first (on this device's clock).</summary>
    public IReadOnlyList<TimeSpan> ResultWaits
    {
        get
        {
            lock (_gate)
            {
                return [.. _resultWaits];
            }
        }
    }

    /// <summary>Whether CPU and GPU results are both awaited and compared.</summary>
    public bool UseCpuAndGpu { get; }

    /// <summary>Whether GPU results are accepted.</summary>
    public bool UseGpu { get; }

    /// <summary>How long staging waits before clearing stale results.</summary>
    public TimeSpan ClearQueueWait { get; }

    /// <summary>Whether the device is subscribed (staged).</summary>
    public bool IsSubscribed
    {
        get
        {
            lock (_gate)
            {
                return _transport is not null;
            }
        }
    }

    /// <summary>Subscribes, waits <see cref="ClearQueueWait"/> and clears stale results.</summary>
    public override Status Stage() => new(StageAsync(), this);

    /// <summary>Disconnects from zocalo.</summary>
    public override Status Unstage() => new(UnstageAsync(), this);

    /// <summary>Waits for the next results and publishes them.</summary>
    public Status Trigger() => new(TriggerAsync(), this);

    /// <summary>The staging sequence; fails if both <see cref="UseCpuAndGpu"/> and <see cref="UseGpu"/> are set.</summary>
    public async Task StageAsync(CancellationToken cancellationToken = default)
    {
        if (UseCpuAndGpu && UseGpu)
        {
            throw new InvalidOperationException("Cannot compare GPU and CPU results and use GPU results at the same time.");
        }

        await base.Stage().Task.ConfigureAwait(false);
        ZocaloLog.Subscribing(_logger);
        var transport = await _source.SubscribeAsync(ZocaloEnvironment, Channel, ReceiveResultAsync, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _transport = transport;
        }

        await Task.Delay(ClearQueueWait, _time, cancellationToken).ConfigureAwait(false);
        ZocaloLog.ClearingQueue(_logger);
        lock (_gate)
        {
            _rawResultsReceived = NewQueue();
        }
    }

    /// <summary>Disconnects, if connected.</summary>
    public async Task UnstageAsync()
    {
        ZocaloLog.Disconnecting(_logger);
        IAsyncDisposable? transport;
        lock (_gate)
        {
            transport = _transport;
            _transport = null;
        }

        if (transport is not null)
        {
            await transport.DisposeAsync().ConfigureAwait(false);
        }

        await base.Unstage().Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for results as the class summary describes. Fails with <see cref="NoZocaloSubscriptionException"/>
    /// when not staged and <see cref="NoResultsFromZocaloException"/> when nothing usable arrives in time.
    /// </summary>
    public async Task TriggerAsync(CancellationToken cancellationToken = default)
    {
        ZocaloLog.TriggerCalled(_logger);
        Channel<ZocaloResultsMessage> queue;
        lock (_gate)
        {
            if (_transport is null)
            {
                const string message = "This device must be staged to subscribe to the Zocalo queue, and unstaged at the end of the experiment to avoid consuming results not meant for it";
                ZocaloLog.NotSubscribed(_logger, message);
                throw new NoZocaloSubscriptionException(message);
            }

            queue = _rawResultsReceived;
        }

        try
        {
            ZocaloLog.WaitingForResults(_logger, queue.Reader.Count);
            var waitStarted = _time.GetTimestamp();
            var raw = await GetAsync(queue, Timeout, cancellationToken).ConfigureAwait(false);
            var firstSource = raw.RecipeParameters.Source;
            if (UseGpu && firstSource == ZocaloSource.Cpu)
            {
                ZocaloLog.CpuCameFirst(_logger);
            }

            if (UseCpuAndGpu)
            {
                raw = await CompareCpuAndGpuAsync(queue, raw, cancellationToken).ConfigureAwait(false);
            }

            var source = Label(raw.RecipeParameters.Source);
            ZocaloLog.Found(_logger, source, raw.Results.Count);
            PutResults([.. raw.Results.OrderByDescending(r => r.SortValue(SortKey))], raw.RecipeParameters);
            lock (_gate)
            {
                _resultWaits.Add(_time.GetElapsedTime(waitStarted));
            }
        }
        catch (TimeoutException e)
        {
            ZocaloLog.TimedOut(_logger);
            throw new NoResultsFromZocaloException("Timed out waiting for Zocalo results", e);
        }
    }

    /// <summary>
    /// The results as published, each centre of mass corrected by −0.5 so grid-box centres are integers
    /// (dodal's get_full_processing_results); strongest first, empty when none.
    /// </summary>
    public async Task<IReadOnlyList<XrcResult>> GetFullProcessingResultsAsync(CancellationToken cancellationToken = default)
    {
        ZocaloLog.Retrieving(_logger);
        var centres = await CentreOfMass.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var voxels = await MaxVoxel.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var maxCounts = await MaxCount.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var sizes = await NVoxels.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var totals = await TotalCount.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var boxes = await BoundingBox.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var samples = await SampleId.GetValueAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var n = maxCounts.Length;
        if (centres.Length != 3 * n || voxels.Length != 3 * n || sizes.Length != n || totals.Length != n || boxes.Length != 6 * n || samples.Length != n)
        {
            throw new InvalidOperationException($"{Name}: the result arrays disagree on the number of crystals ({n} max counts).");
        }

        return [.. Enumerable.Range(0, n).Select(i => new XrcResult(
            [.. centres.Skip(3 * i).Take(3).Select(c => c - 0.5)],
            [.. voxels.Skip(3 * i).Take(3)],
            maxCounts[i],
            sizes[i],
            totals[i],
            [boxes.Skip(6 * i).Take(3).ToArray(), boxes.Skip((6 * i) + 3).Take(3).ToArray()],
            samples[i] == NoSampleId ? null : samples[i]))];
    }

    /// <summary>dodal's get_dict_differences: null when the two results agree to 1e-5, else the warning text.</summary>
    public static string? GetDictDifferences(XrcResult first, ZocaloSource firstSource, XrcResult second, ZocaloSource secondSource)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.IsCloseTo(second))
        {
            return null;
        }

        var (s1, s2) = (Label(firstSource), Label(secondSource));
        return $"Zocalo results from {s1} and {s2} are not identical.\n Results from {s1}: {first}\n Results from {s2}: {second}";
    }

    // A soft signal's setter writes its soft backend; after a mock connect the signal reads a mock backend
    // instead, so the setter writes whichever one the signal is using.
    private static (SignalR<T> Signal, Action<T> Setter) SoftSignal<T>(T initial)
    {
        var (signal, setSoft) = Soft.SignalRAndSetter(initial);
        return (signal, value =>
        {
            if (signal.Backend is MockSignalBackend<T> mock)
            {
                mock.SetValue(value);
            }
            else
            {
                setSoft(value);
            }
        }
        );
    }

    private static string Label(ZocaloSource source) => source == ZocaloSource.Gpu ? "GPU" : "CPU";

    private static Channel<ZocaloResultsMessage> NewQueue() => System.Threading.Channels.Channel.CreateUnbounded<ZocaloResultsMessage>();

    private static async Task<ZocaloResultsMessage> GetAsync(Channel<ZocaloResultsMessage> queue, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await queue.Reader.ReadAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No zocalo results within {timeout.TotalSeconds:0.###} s.", e);
        }
    }

    private async Task<ZocaloResultsMessage> CompareCpuAndGpuAsync(Channel<ZocaloResultsMessage> queue, ZocaloResultsMessage first, CancellationToken cancellationToken)
    {
        var firstSource = first.RecipeParameters.Source;
        if (firstSource == ZocaloSource.Cpu)
        {
            ZocaloLog.CpuBeforeGpu(_logger);
        }

        try
        {
            var second = await GetAsync(queue, Timeout / 2, cancellationToken).ConfigureAwait(false);
            if (first.Results.Count > 0 && second.Results.Count > 0
                && GetDictDifferences(first.Results[0], firstSource, second.Results[0], second.RecipeParameters.Source) is { } differences)
            {
                ZocaloLog.Differences(_logger, differences);
            }

            return firstSource == ZocaloSource.Cpu ? first : second;
        }
        catch (TimeoutException)
        {
            if (firstSource == ZocaloSource.Cpu)
            {
                ZocaloLog.GpuTimedOut(_logger, "CPU");
                return first;
            }

            ZocaloLog.CpuTimedOut(_logger);
            throw;
        }
    }

    private Task ReceiveResultAsync(ZocaloResultsMessage message, CancellationToken cancellationToken)
    {
        ZocaloLog.Received(_logger, message);
        if (UseCpuAndGpu || UseGpu || !message.RecipeParameters.Gpu)
        {
            Channel<ZocaloResultsMessage> queue;
            lock (_gate)
            {
                queue = _rawResultsReceived;
            }

            queue.Writer.TryWrite(message);
        }

        return Task.CompletedTask;
    }

    private void PutResults(IReadOnlyList<XrcResult> results, ZocaloRecipeParameters parameters)
    {
        _setMaxVoxel([.. results.SelectMany(r => r.MaxVoxel)]);
        _setMaxCount([.. results.Select(r => r.MaxCount)]);
        _setNVoxels([.. results.Select(r => r.NVoxels)]);
        _setTotalCount([.. results.Select(r => r.TotalCount)]);
        _setCentreOfMass([.. results.SelectMany(r => r.CentreOfMass)]);
        _setBoundingBox([.. results.SelectMany(r => r.BoundingBox.SelectMany(corner => corner))]);
        _setSampleId([.. results.Select(r => r.SampleId ?? NoSampleId)]);
        _setIspybDcid(parameters.Dcid);
        _setIspybDcgid(parameters.Dcgid);
    }
}
