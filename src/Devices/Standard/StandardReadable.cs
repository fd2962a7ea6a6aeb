using Hyperion.Devices.Core;
using Hyperion.Devices.Signals;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Standard;

/// <summary>
/// A device whose read, configuration, hints and staging come from the children registered with
/// <see cref="AddReadables"/> (ophyd-async's StandardReadable). Reads of all children run concurrently; staging
/// turns on each read signal's cache (except uncached ones).
/// </summary>
public abstract class StandardReadable : Device, IReadable, IConfigurable, IStageable, IHasHints
{
    private readonly List<(Device Device, StandardReadableFormat Format)> _readables = [];

    /// <summary>Creates the device.</summary>
    protected StandardReadable(string name = "")
        : base(name)
    {
    }

    /// <inheritdoc/>
    public virtual Hints Hints
    {
        get
        {
            var fields = new List<string>();
            foreach (var (device, format) in _readables)
            {
                if (format is StandardReadableFormat.HintedSignal or StandardReadableFormat.HintedUncachedSignal)
                {
                    fields.Add(device.Name);
                }
                else if (format == StandardReadableFormat.Child && device is IHasHints { Hints.Fields: { } childFields })
                {
                    fields.AddRange(childFields);
                }
            }

            return new Hints { Fields = fields };
        }
    }

    /// <summary>Registers <paramref name="devices"/> with <paramref name="format"/>.</summary>
    protected void AddReadables(StandardReadableFormat format, params Device[] devices)
    {
        ArgumentNullException.ThrowIfNull(devices);
        foreach (var device in devices)
        {
            var ok = format switch
            {
                StandardReadableFormat.Child => device is IReadable or IConfigurable,
                _ => device is IReadable,
            };
            if (!ok)
            {
                throw new ArgumentException($"{device} cannot be added as {format}: it is not readable.", nameof(devices));
            }

            _readables.Add((device, format));
        }
    }

#pragma warning disable CA2012 // Each part's ValueTask is started here and awaited exactly once in GatherAsync.

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default) =>
        GatherAsync(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => null,
            StandardReadableFormat.Child => (r.Device as IReadable)?.ReadAsync(cancellationToken),
            StandardReadableFormat.UncachedSignal or StandardReadableFormat.HintedUncachedSignal => r.Device is IUncachedReadable u
                ? u.ReadUncachedAsync(cancellationToken)
                : ((IReadable)r.Device).ReadAsync(cancellationToken),
            _ => ((IReadable)r.Device).ReadAsync(cancellationToken),
        });

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default) =>
        GatherAsync(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => null,
            StandardReadableFormat.Child => (r.Device as IReadable)?.DescribeAsync(cancellationToken),
            _ => ((IReadable)r.Device).DescribeAsync(cancellationToken),
        });

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default) =>
        GatherAsync(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => ((IReadable)r.Device).ReadAsync(cancellationToken),
            StandardReadableFormat.Child => (r.Device as IConfigurable)?.ReadConfigurationAsync(cancellationToken),
            _ => null,
        });

    /// <inheritdoc/>
    public ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default) =>
        GatherAsync(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => ((IReadable)r.Device).DescribeAsync(cancellationToken),
            StandardReadableFormat.Child => (r.Device as IConfigurable)?.DescribeConfigurationAsync(cancellationToken),
            _ => null,
        });

    /// <inheritdoc/>
    public virtual Status Stage()
    {
        foreach (var (device, format) in _readables)
        {
            if (format is not (StandardReadableFormat.UncachedSignal or StandardReadableFormat.HintedUncachedSignal) && device is IStageable stageable)
            {
                stageable.Stage();
            }
        }

        return Status.CompletedFor(this);
    }

    /// <inheritdoc/>
    public virtual Status Unstage()
    {
        foreach (var (device, format) in Enumerable.Reverse(_readables))
        {
            if (format is not (StandardReadableFormat.UncachedSignal or StandardReadableFormat.HintedUncachedSignal) && device is IStageable stageable)
            {
                stageable.Unstage();
            }
        }

        return Status.CompletedFor(this);
    }

    // Every part starts before any is awaited, so reads of PV-backed signals overlap; parts that finish at once (cached
    // or soft signals) cost no Task.
    private async ValueTask<IReadOnlyDictionary<string, TValue>> GatherAsync<TValue>(Func<(Device Device, StandardReadableFormat Format), ValueTask<IReadOnlyDictionary<string, TValue>>?> start)
    {
        var parts = new ValueTask<IReadOnlyDictionary<string, TValue>>[_readables.Count];
        var started = new bool[_readables.Count];
        for (var i = 0; i < _readables.Count; i++)
        {
            if (start(_readables[i]) is { } part)
            {
                parts[i] = part;
                started[i] = true;
            }
        }

        var merged = new Dictionary<string, TValue>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (!started[i])
            {
                continue;
            }

            foreach (var (key, value) in await parts[i].ConfigureAwait(false))
            {
                merged[key] = value;
            }
        }

        return merged;
    }
#pragma warning restore CA2012
}
