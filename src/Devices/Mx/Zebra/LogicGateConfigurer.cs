using Hyperion.Devices.Core;
using Hyperion.Devices.Standard;

namespace Hyperion.Devices.Mx.Zebra;

/// <summary>The zebra's AND and OR gates (dodal's LogicGateConfigurer).</summary>
/// <param name="prefix">The zebra prefix, e.g. BL03I-EA-ZEBRA-01:.</param>
/// <param name="name">The device name.</param>
public sealed class LogicGateConfigurer(string prefix, string name = "") : StandardReadable(name)
{
    /// <summary>What an unused input is connected to.</summary>
    public const int DefaultSourceIfGateNotUsed = 0;

    /// <summary>AND1 … AND4 by gate number.</summary>
    public DeviceVector<GateControl> AndGates { get; } = new(Enumerable.Range(1, 4).ToDictionary(n => n, n => new GateControl($"{prefix}AND{n}")));

    /// <summary>OR1 … OR4 by gate number.</summary>
    public DeviceVector<GateControl> OrGates { get; } = new(Enumerable.Range(1, 4).ToDictionary(n => n, n => new GateControl($"{prefix}OR{n}")));

    /// <summary>The gates of <paramref name="type"/>, gate 1 first.</summary>
    public IReadOnlyList<GateControl> AllGates(GateType type) => [.. (type == GateType.And ? AndGates : OrGates).Values];

    /// <summary>
    /// Configures gate <paramref name="gateNumber"/> (1-based) of <paramref name="type"/>: enables one bit per
    /// configured input, sets inputs 1..4 to their sources (0 when unused) and the invert bits. The puts start
    /// together, as dodal fires them without awaiting; the task completes when all have.
    /// </summary>
    public Task ApplyLogicGateConfigAsync(GateType type, int gateNumber, LogicGateConfiguration config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var gate = AllGates(type)[gateNumber - 1];
        var puts = new List<Task> { gate.Enable.SetAsync(BooleanArrayToInteger([.. config.Sources.Select(_ => true)]), cancellationToken: cancellationToken) };
        for (var k = 1; k <= LogicGateConfiguration.NumberOfInputs; k++)
        {
            var source = k <= config.Sources.Count ? config.Sources[k - 1] : DefaultSourceIfGateNotUsed;
            puts.Add(gate.Sources[k].SetAsync(source, cancellationToken: cancellationToken));
        }

        puts.Add(gate.Invert.SetAsync(BooleanArrayToInteger(config.Invert), cancellationToken: cancellationToken));
        return Task.WhenAll(puts);
    }

    /// <summary>Configures an AND gate (see <see cref="ApplyLogicGateConfigAsync"/>).</summary>
    public Task ApplyAndGateConfigAsync(int gateNumber, LogicGateConfiguration config, CancellationToken cancellationToken = default) =>
        ApplyLogicGateConfigAsync(GateType.And, gateNumber, config, cancellationToken);

    /// <summary>Configures an OR gate (see <see cref="ApplyLogicGateConfigAsync"/>).</summary>
    public Task ApplyOrGateConfigAsync(int gateNumber, LogicGateConfiguration config, CancellationToken cancellationToken = default) =>
        ApplyLogicGateConfigAsync(GateType.Or, gateNumber, config, cancellationToken);

    /// <summary>The integer with bit i set for each true value i (least significant first).</summary>
    public static int BooleanArrayToInteger(IReadOnlyList<bool> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = 0;
        for (var i = 0; i < values.Count; i++)
        {
            result |= values[i] ? 1 << i : 0;
        }

        return result;
    }
}
