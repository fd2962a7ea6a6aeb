using System.Collections.Concurrent;
using Hyperion.Devices.Core;

namespace Hyperion.Devices.Beamlines;

/// <summary>
/// A beamline's devices, made lazily on first use and kept (dodal's device manager): each named after its factory,
/// with the PV prefixes of the beamline. Devices dodal skips on the simulated beamline are absent there.
/// </summary>
public sealed class Beamline
{
    private readonly Dictionary<string, DeviceFactory> _factories;
    private readonly ConcurrentDictionary<string, Lazy<Device>> _made = new(StringComparer.Ordinal);

    /// <summary>Creates the beamline <paramref name="name"/> with <paramref name="factories"/>.</summary>
    public Beamline(string name, IEnumerable<DeviceFactory> factories, BeamlineConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(factories);
        Prefixes = new BeamlinePrefixes(name);
        Configuration = configuration ?? BeamlineConfiguration.Bundled();
        Factories = [.. factories];
        _factories = Factories.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The beamline's prefixes (and name).</summary>
    public BeamlinePrefixes Prefixes { get; }

    /// <summary>Where its configuration files are.</summary>
    public BeamlineConfiguration Configuration { get; }

    /// <summary>Every factory, present or absent, in definition order.</summary>
    public IReadOnlyList<DeviceFactory> Factories { get; }

    /// <summary>The names of the devices this beamline has.</summary>
    public IEnumerable<string> DeviceNames => Factories.Where(f => !IsAbsent(f.Name)).Select(f => f.Name);

    /// <summary>Whether <paramref name="name"/> is defined but absent here (skipped on the simulated beamline).</summary>
    public bool IsAbsent(string name) => _factories.TryGetValue(name, out var factory) && factory.AbsentOnSimulator && Prefixes.IsSimulated;

    /// <summary>The device <paramref name="name"/>, made on first use.</summary>
    /// <exception cref="KeyNotFoundException">The beamline has no such device, or it is absent here.</exception>
    public Device Get(string name)
    {
        if (!_factories.TryGetValue(name, out var factory))
        {
            throw new KeyNotFoundException($"{Prefixes.Name} has no device '{name}'. Its devices: {string.Join(", ", DeviceNames)}.");
        }

        if (IsAbsent(name))
        {
            throw new KeyNotFoundException($"{Prefixes.Name} is simulated and has no '{name}' (dodal skips it there).");
        }

        return _made.GetOrAdd(name, _ => new Lazy<Device>(() =>
        {
            var device = factory.Create(this);
            device.SetName(name);
            return device;
        })).Value;
    }

    /// <summary>The device <paramref name="name"/> as a <typeparamref name="TDevice"/>.</summary>
    public TDevice Get<TDevice>(string name)
        where TDevice : Device =>
        Get(name) as TDevice ?? throw new InvalidCastException($"{name} is a {Get(name).GetType().Name}, not a {typeof(TDevice).Name}.");

    /// <summary>Every device this beamline has, made now.</summary>
    public IReadOnlyList<Device> All() => [.. DeviceNames.Select(Get)];

    /// <summary>
    /// Connects every device in parallel (dodal's make_all_devices with connect): never throws for a device that
    /// fails; the report says which connected and why the rest did not.
    /// </summary>
    public async Task<DeviceConnectionReport> ConnectAllAsync(DeviceConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(All().Select(async device =>
        {
            try
            {
                await device.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
                return (device.Name, Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return (device.Name, Error: e);
            }
        })).ConfigureAwait(false);
        var connected = results.Where(r => r.Error is null).Select(r => r.Name).ToList();
        var failed = results.Where(r => r.Error is not null).ToDictionary(r => r.Name, r => r.Error!, StringComparer.Ordinal);
        return new DeviceConnectionReport(connected, failed);
    }
}
