using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Records;
using Hyperion.Nexus.Geometry;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The smargon's coordinate system. X, Y, Z, CHI and PHI are virtual axes over the real motors MOTOR_1..MOTOR_6
/// (real_y, real_z, real_x1, real_x2, real_phi, real_chi in dodal), which follow them: at chi 0 both x motors carry
/// x. The stub offsets redefine the virtual axes without moving anything: CENTER_CS makes the current position read
/// x = y = z = 0 (dodal then waits for all three within 0.1), SET_STUBS_TO_RL puts back the goniometer's own
/// coordinates. The sample's place in the goniometer frame is the axes' dial positions
/// (<see cref="PhysicalPositionAt"/>), so re-centring moves no image and no diffraction. The x, y and z stages sit on
/// omega: their motion in the lab turns with omega (<see cref="GoniometerGeometry.LabPosition"/>). While the robot
/// holds the goniometer (<see cref="SetDisabled"/>) DISABLED reads 1 and CENTER_CS and SET_STUBS_TO_RL are disabled
/// (their DISP is 1), as dodal's SetWhenEnabled expects.
/// </summary>
public sealed class SmargonSimulation : TwinController<SmargonCommand>
{
    private static readonly (string Real, string Virtual)[] RealMotors =
        [("MOTOR_1", "Y"), ("MOTOR_2", "Z"), ("MOTOR_3", "X"), ("MOTOR_4", "X"), ("MOTOR_5", "PHI"), ("MOTOR_6", "CHI")];

    private static readonly string[] Centred = ["X", "Y", "Z"];
    private readonly TwinPvWriter _smargon;
    private readonly RecordDatabase _records;
    private readonly List<IDisposable> _subscriptions = [];
    private int _followPending;

    /// <summary>Starts the coordinate system on the records under <paramref name="prefix"/> (e.g. BL03S-MO-SGON-01:).</summary>
    /// <exception cref="InvalidOperationException">One of the smargon's records is missing.</exception>
    public SmargonSimulation(RecordDatabase records, string prefix)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = records;
        _smargon = new TwinPvWriter(records, prefix);

        // Under the database's lock: only queue.
        _smargon.Record("CENTER_CS").Processed += _ => Post(SmargonCommand.CenterAtCurrentPosition);
        _smargon.Record("SET_STUBS_TO_RL").Processed += _ => Post(SmargonCommand.ResetToRobotLoad);
        foreach (var axis in new[] { "X", "Y", "Z", "PHI", "CHI" })
        {
            var name = _smargon.Name(axis + ".RBV");
            var pv = records.Find(name) ?? throw new InvalidOperationException($"The twin has no PV {name} for the smargon's real motors to follow.");
            _subscriptions.Add(pv.Subscribe(_ => RequestFollow()));
        }

        Start();
    }

    /// <summary>
    /// Where a smargon axis is in the goniometer's own frame at <paramref name="timestamp"/> of the database's clock:
    /// its dial position, whatever the stub offsets make it read.
    /// </summary>
    public static double PhysicalPositionAt(MotorRecord motor, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(motor);
        return ToPhysical(motor, motor.UserPositionAt(timestamp));
    }

    /// <summary>The goniometer-frame position of <paramref name="userPosition"/> on <paramref name="motor"/> (a grid point's demand, say).</summary>
    public static double ToPhysical(MotorRecord motor, double userPosition)
    {
        ArgumentNullException.ThrowIfNull(motor);
        var dir = motor.GetField("DIR").Number == 0 ? 1 : -1;
        return (userPosition - motor.GetField("OFF").Number) * dir;
    }

    /// <summary>The smargon's x, y, z in the goniometer's frame (mm) now.</summary>
    public Vector3D PhysicalStage() => PhysicalStage(_records.TimeProvider.GetTimestamp());

    /// <summary>The smargon's x, y, z in the goniometer's frame (mm) at <paramref name="timestamp"/>.</summary>
    public Vector3D PhysicalStage(long timestamp) => new(Physical("X", timestamp), Physical("Y", timestamp), Physical("Z", timestamp));

    /// <summary>The goniometer-frame position of a demand in the smargon's current x, y, z coordinates.</summary>
    public Vector3D ToPhysical(Vector3D user) => new(ToPhysical(Motor("X"), user.X), ToPhysical(Motor("Y"), user.Y), ToPhysical(Motor("Z"), user.Z));

    /// <summary>The robot takes (true) or lets go of (false) the goniometer.</summary>
    public void SetDisabled(bool disabled) => Post(disabled ? SmargonCommand.Disable : SmargonCommand.Enable);

    /// <inheritdoc/>
    protected override Task InitializeAsync(CancellationToken cancellationToken) => FollowAsync(cancellationToken);

    /// <inheritdoc/>
    protected override async Task HandleAsync(SmargonCommand command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case SmargonCommand.CenterAtCurrentPosition:
                foreach (var axis in Centred)
                {
                    var motor = Motor(axis);
                    var dir = motor.GetField("DIR").Number == 0 ? 1 : -1;
                    await _smargon.SetAsync(axis + ".OFF", -(motor.DialPosition * dir), cancellationToken).ConfigureAwait(false);
                }

                break;
            case SmargonCommand.ResetToRobotLoad:
                foreach (var axis in Centred)
                {
                    await _smargon.SetAsync(axis + ".OFF", 0, cancellationToken).ConfigureAwait(false);
                }

                break;
            case SmargonCommand.FollowAxes:
                Interlocked.Exchange(ref _followPending, 0);
                await FollowAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                var disabled = command == SmargonCommand.Disable ? 1 : 0;
                await _smargon.SetAsync("DISABLED", disabled, cancellationToken).ConfigureAwait(false);
                await _smargon.SetAsync("CENTER_CS.DISP", disabled, cancellationToken).ConfigureAwait(false);
                await _smargon.SetAsync("SET_STUBS_TO_RL.DISP", disabled, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <inheritdoc/>
    protected override Task OnDisposeAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        return Task.CompletedTask;
    }

    private void RequestFollow()
    {
        if (Interlocked.Exchange(ref _followPending, 1) == 0)
        {
            Post(SmargonCommand.FollowAxes);
        }
    }

    // The real motors read the virtual axes' dial positions; redefined in place (SET mode), since they do not travel
    // on their own but are where the coordinate system put them.
    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        foreach (var (real, axis) in RealMotors)
        {
            var position = Motor(axis).DialPosition;
            var motor = Motor(real);
            if (Math.Abs(motor.UserPositionNow - position) <= Math.Abs(motor.GetField("MRES").Number) / 2)
            {
                continue;
            }

            await _smargon.SetAsync(real + ".SET", 1, cancellationToken).ConfigureAwait(false);
            await _smargon.SetAsync(real + ".VAL", position, cancellationToken).ConfigureAwait(false);
            await _smargon.SetAsync(real + ".SET", 0, cancellationToken).ConfigureAwait(false);
        }
    }

    private double Physical(string axis, long timestamp) => PhysicalPositionAt(Motor(axis), timestamp);

    private MotorRecord Motor(string axis) =>
        _records.FindRecord(_smargon.Name(axis)) as MotorRecord ?? throw new InvalidOperationException($"The twin has no motor {_smargon.Name(axis)}.");
}
