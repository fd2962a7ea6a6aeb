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

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var parts = _readables.Select(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => null,
            StandardReadableFormat.Child => (r.Device as IReadable)?.ReadAsync(cancellationToken).AsTask(),
            StandardReadableFormat.UncachedSignal or StandardReadableFormat.HintedUncachedSignal => Uncached(r.Device, cancellationToken),
            _ => ((IReadable)r.Device).ReadAsync(cancellationToken).AsTask(),
        }).OfType<Task<IReadOnlyDictionary<string, Reading>>>();
        return Merge(await Task.WhenAll(parts).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var parts = _readables.Select(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => null,
            StandardReadableFormat.Child => (r.Device as IReadable)?.DescribeAsync(cancellationToken).AsTask(),
            _ => ((IReadable)r.Device).DescribeAsync(cancellationToken).AsTask(),
        }).OfType<Task<IReadOnlyDictionary<string, DataKey>>>();
        return Merge(await Task.WhenAll(parts).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var parts = _readables.Select(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => ((IReadable)r.Device).ReadAsync(cancellationToken).AsTask(),
            StandardReadableFormat.Child => (r.Device as IConfigurable)?.ReadConfigurationAsync(cancellationToken).AsTask(),
            _ => null,
        }).OfType<Task<IReadOnlyDictionary<string, Reading>>>();
        return Merge(await Task.WhenAll(parts).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default)
    {
        var parts = _readables.Select(r => r.Format switch
        {
            StandardReadableFormat.ConfigSignal => ((IReadable)r.Device).DescribeAsync(cancellationToken).AsTask(),
            StandardReadableFormat.Child => (r.Device as IConfigurable)?.DescribeConfigurationAsync(cancellationToken).AsTask(),
            _ => null,
        }).OfType<Task<IReadOnlyDictionary<string, DataKey>>>();
        return Merge(await Task.WhenAll(parts).ConfigureAwait(false));
    }

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

    private static Task<IReadOnlyDictionary<string, Reading>> Uncached(Device device, CancellationToken cancellationToken) =>
        device switch
        {
            IUncachedReadable u => u.ReadUncachedAsync(cancellationToken).AsTask(),
            _ => ((IReadable)device).ReadAsync(cancellationToken).AsTask(),
        };

    private static Dictionary<string, TValue> Merge<TValue>(IEnumerable<IReadOnlyDictionary<string, TValue>> parts)
    {
        var merged = new Dictionary<string, TValue>();
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
