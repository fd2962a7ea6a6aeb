using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>
/// The zebra timing box (dodal's Zebra): position compare, outputs, soft inputs and logic gates, with the
/// beamline's wiring in <see cref="Mapping"/>. Nothing is readable.
/// </summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="mapping">Which outputs and sources the beamline's hardware is wired to.</param>
/// <param name="name">The device name.</param>
public sealed class Zebra(string prefix, ZebraMapping mapping, string name = "") : StandardReadable(name)
{
    /// <summary>The position compare.</summary>
    public PositionCompare Pc { get; } = new(prefix);

    /// <summary>Pulse generators and TTL outputs.</summary>
    public ZebraOutputPanel Output { get; } = new(prefix);

    /// <summary>Soft inputs.</summary>
    public SoftInputs Inputs { get; } = new(prefix);

    /// <summary>AND and OR gates.</summary>
    public LogicGateConfigurer LogicGates { get; } = new(prefix);

    /// <summary>The beamline's wiring.</summary>
    public ZebraMapping Mapping { get; } = mapping ?? throw new ArgumentNullException(nameof(mapping));
}
