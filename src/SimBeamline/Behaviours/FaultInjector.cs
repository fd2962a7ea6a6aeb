using System.Text.Json;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Hyperion.SimBeamline.Detector;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// Injects faults into the twin, through this API or a fault file (JSON list of <see cref="FaultDefinition"/>) run
/// on the twin's clock: beam dumps and restores, a tripped light curtain, empty puck positions, motor soft limits
/// that refuse moves (the record answers LVIO), limit switches hit, stalled motors, PVs disconnected (an IOC
/// outage), detector arms that fail and a file system too slow for the detector.
/// </summary>
public sealed class FaultInjector(RecordDatabase records, SynchrotronSimulation ring, RobotSimulation robot, PvOutages outages, EigerSimulation eiger, TimeProvider? timeProvider = null)
{
    private static readonly JsonSerializerOptions Json = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };
    private readonly TimeProvider _time = timeProvider ?? records.TimeProvider;

    /// <summary>The kinds of fault.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        ["beam_dump", "beam_restore", "light_curtain", "empty_position", "motor_limits", "limit_switch", "limit_switch_release", "motor_stall", "motor_unstall", "pv_disconnect", "pv_reconnect", "detector_arm_failure", "slow_file_writes"];

    /// <summary>Reads and checks a fault file's JSON; errors name the entry and field.</summary>
    /// <exception cref="FaultException">The JSON is malformed or an entry cannot be injected.</exception>
    public static IReadOnlyList<FaultDefinition> Parse(string json, string source = "faults")
    {
        List<FaultDefinition>? faults;
        try
        {
            faults = JsonSerializer.Deserialize<List<FaultDefinition>>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FaultException($"{source} {e.Path}", $"{e.Message.Split(". Path:")[0]} (line {(e.LineNumber ?? 0) + 1})", e);
        }

        if (faults is null)
        {
            throw new FaultException(source, "is empty (null)");
        }

        for (var i = 0; i < faults.Count; i++)
        {
            Check(faults[i], $"{source}[{i}]");
        }

        return faults;
    }

    /// <summary>Injects <paramref name="fault"/> now.</summary>
    /// <exception cref="FaultException">The fault's kind or arguments are wrong.</exception>
    public async Task InjectAsync(FaultDefinition fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Check(fault, fault.Fault);
        switch (fault.Fault)
        {
            case "beam_dump":
                await ring.DumpBeamAsync().ConfigureAwait(false);
                break;
            case "beam_restore":
                await ring.RestoreBeamAsync().ConfigureAwait(false);
                break;
            case "light_curtain":
                await robot.TripLightCurtainAsync().ConfigureAwait(false);
                break;
            case "empty_position":
                robot.EmptyPositions.Add((fault.Puck!.Value, fault.Pin!.Value));
                break;
            case "pv_disconnect":
                outages.Disconnect(fault.Pv!);
                break;
            case "detector_arm_failure":
                eiger.FailArms(fault.Count ?? 1);
                break;
            case "slow_file_writes":
                eiger.WriteBytesPerSecond = fault.MegabytesPerSecond is > 0 and var rate ? rate * 1e6 : null;
                break;
            case "pv_reconnect":
                outages.Reconnect(fault.Pv!);
                break;
            case "motor_stall" or "motor_unstall":
                Motor(fault).SimulateStall(fault.Fault == "motor_stall");
                break;
            case "limit_switch" or "limit_switch_release":
                Motor(fault).SimulateLimitSwitch(fault.Side == "high", fault.Fault == "limit_switch");
                break;
            default:
                var motor = new TwinPvWriter(records, fault.Pv!);
                await motor.SetAsync(".LLM", fault.Low!.Value, cancellationToken).ConfigureAwait(false);
                await motor.SetAsync(".HLM", fault.High!.Value, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private MotorRecord Motor(FaultDefinition fault) =>
        records.FindRecord(fault.Pv!) as MotorRecord ?? throw new FaultException($"{fault.Fault}.pv", $"'{fault.Pv}' is not a motor record of the twin");

    /// <summary>Runs <paramref name="faults"/> in time order, each at its time after now on the twin's clock.</summary>
    public async Task RunScheduleAsync(IEnumerable<FaultDefinition> faults, CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        foreach (var fault in faults.OrderBy(f => f.AtSeconds))
        {
            var wait = TimeSpan.FromSeconds(fault.AtSeconds) - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }

            await InjectAsync(fault, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Check(FaultDefinition fault, string where)
    {
        if (!double.IsFinite(fault.AtSeconds) || fault.AtSeconds < 0)
        {
            throw new FaultException($"{where}.at_s", $"must be 0 or more seconds, not {fault.AtSeconds}");
        }

        switch (fault.Fault)
        {
            case "beam_dump" or "beam_restore" or "light_curtain":
                return;
            case "empty_position" when fault.Puck is > 0 && fault.Pin is > 0:
                return;
            case "empty_position":
                throw new FaultException(where, "empty_position needs a puck and a pin (positive numbers)");
            case "motor_limits" when !string.IsNullOrWhiteSpace(fault.Pv) && fault.Low is { } low && fault.High is { } high && low < high:
                return;
            case "motor_limits":
                throw new FaultException(where, "motor_limits needs pv (a motor record), low and high with low < high");
            case "pv_disconnect" or "pv_reconnect" or "motor_stall" or "motor_unstall" when !string.IsNullOrWhiteSpace(fault.Pv):
                return;
            case "detector_arm_failure" when fault.Count is null or > 0:
                return;
            case "detector_arm_failure":
                throw new FaultException($"{where}.count", $"must be a positive number of arms, not {fault.Count}");
            case "slow_file_writes" when fault.MegabytesPerSecond is >= 0 and < double.PositiveInfinity:
                return;
            case "slow_file_writes":
                throw new FaultException($"{where}.mb_per_s", "slow_file_writes needs mb_per_s: the write rate in MB/s (0 lifts the limit)");
            case "pv_disconnect" or "pv_reconnect" or "motor_stall" or "motor_unstall":
                throw new FaultException($"{where}.pv", $"{fault.Fault} needs pv (a {(fault.Fault.StartsWith("pv", StringComparison.Ordinal) ? "PV name or pattern with * and ?" : "motor record")})");
            case "limit_switch" or "limit_switch_release" when !string.IsNullOrWhiteSpace(fault.Pv) && fault.Side is "high" or "low":
                return;
            case "limit_switch" or "limit_switch_release":
                throw new FaultException(where, $"{fault.Fault} needs pv (a motor record) and side (high or low)");
            default:
                throw new FaultException($"{where}.fault", $"'{fault.Fault}' is not a fault: use {string.Join(", ", Kinds)}");
        }
    }
}
