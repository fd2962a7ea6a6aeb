using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The BART sample changer of the twin: LOAD takes the pin at NEXT_PUCK/NEXT_PIN from the dewar to the goniometer
/// (unloading any pin there first), with realistic timings on the twin's clock; PROGRAM_RUNNING and PROGRAM_NAME
/// while it works; error 25 ("No pin found") for an empty position; a tripped light curtain (error 40 on the
/// controller) blocks loads until RESET.
/// </summary>
public sealed class RobotSimulation : TwinController<string>
{
    /// <summary>dodal's NO_PIN_ERROR_CODE.</summary>
    public const int NoPinErrorCode = 25;

    /// <summary>dodal's LIGHT_CURTAIN_TRIPPED.</summary>
    public const int LightCurtainTripped = 40;

    private readonly TwinPvWriter _pvs;
    private readonly TimeProvider _time;

    /// <summary>Starts the robot on the records under <paramref name="prefix"/> (e.g. BL03S-MO-ROBOT-01:).</summary>
    public RobotSimulation(RecordDatabase records, string prefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _pvs = new TwinPvWriter(records, prefix);
        _time = timeProvider ?? records.TimeProvider;
        _pvs.Record("LOAD").Processed += _ => Post("LOAD");
        _pvs.Record("UNLOAD").Processed += _ => Post("UNLOAD");
        _pvs.Record("RESET").Processed += _ => Post("RESET");
        Start();
    }

    /// <summary>
    /// The robot takes (true) or lets go of (false) the goniometer: the hardware link that disables the smargon while
    /// the gripper is at it (raised on the robot's worker).
    /// </summary>
    public event Action<bool>? GoniometerHeld;

    /// <summary>Positions (puck, pin) that hold no pin: loading one fails with error 25.</summary>
    public HashSet<(int Puck, int Pin)> EmptyPositions { get; } = [];

    /// <summary>How long taking a pin off the goniometer takes.</summary>
    public TimeSpan UnloadTime { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long fetching a pin and mounting it takes.</summary>
    public TimeSpan LoadTime { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How long the robot looks before reporting that there is no pin.</summary>
    public TimeSpan NoPinTime { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Trips the light curtain (a fault): the controller reports error 40 until RESET.</summary>
    public Task TripLightCurtainAsync() => SetErrorAsync("CNTL", LightCurtainTripped, "Light curtain tripped");

    /// <inheritdoc/>
    protected override Task HandleAsync(string command, CancellationToken cancellationToken) => command switch
    {
        "LOAD" => LoadAsync(cancellationToken),
        "UNLOAD" => UnloadAsync(cancellationToken),
        _ => ResetAsync(cancellationToken),
    };

    /// <inheritdoc/>
    protected override Task OnCommandFailedAsync(CancellationToken cancellationToken)
    {
        GoniometerHeld?.Invoke(false);
        return _pvs.SetAsync("PROGRAM_RUNNING", 0, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if ((int)_pvs.Get("CNTL_ERR_CODE").GetDouble() == LightCurtainTripped)
        {
            return;
        }

        await _pvs.SetAsync("PROGRAM_NAME", new DbrValue(DbrType.Char, System.Text.Encoding.ASCII.GetBytes("LOAD\0")), cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("PROGRAM_RUNNING", 1, cancellationToken).ConfigureAwait(false);
        await SetErrorAsync("PRG", 0, string.Empty).ConfigureAwait(false);
        GoniometerHeld?.Invoke(true);
        if (_pvs.Get("PIN_MOUNTED").GetString() == "Pin Mounted")
        {
            await Task.Delay(UnloadTime, _time, cancellationToken).ConfigureAwait(false);
            await _pvs.SetAsync("PIN_MOUNTED", "No Pin Mounted", cancellationToken).ConfigureAwait(false);
        }

        var puck = (int)_pvs.Get("NEXT_PUCK_RBV").GetDouble();
        var pin = (int)_pvs.Get("NEXT_PIN_RBV").GetDouble();
        if (EmptyPositions.Contains((puck, pin)) || puck <= 0 || pin <= 0)
        {
            await Task.Delay(NoPinTime, _time, cancellationToken).ConfigureAwait(false);
            await SetErrorAsync("PRG", NoPinErrorCode, "No pin found").ConfigureAwait(false);
            GoniometerHeld?.Invoke(false);
            await _pvs.SetAsync("PROGRAM_RUNNING", 0, cancellationToken).ConfigureAwait(false);
            return;
        }

        await Task.Delay(LoadTime, _time, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("CURRENT_PUCK_RBV", puck, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("CURRENT_PIN_RBV", pin, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("CURRENT_ID_RBV", _pvs.Get("NEXT_ID_RBV").GetDouble(), cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("BARCODE", new DbrValue(DbrType.Char, System.Text.Encoding.ASCII.GetBytes($"SIM{puck:D2}{pin:D2}\0")), cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("PIN_MOUNTED", "Pin Mounted", cancellationToken).ConfigureAwait(false);
        GoniometerHeld?.Invoke(false);
        await _pvs.SetAsync("PROGRAM_RUNNING", 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task UnloadAsync(CancellationToken cancellationToken)
    {
        await _pvs.SetAsync("PROGRAM_RUNNING", 1, cancellationToken).ConfigureAwait(false);
        GoniometerHeld?.Invoke(true);
        await Task.Delay(UnloadTime, _time, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("PIN_MOUNTED", "No Pin Mounted", cancellationToken).ConfigureAwait(false);
        GoniometerHeld?.Invoke(false);
        await _pvs.SetAsync("CURRENT_PUCK_RBV", 0, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("CURRENT_PIN_RBV", 0, cancellationToken).ConfigureAwait(false);
        await _pvs.SetAsync("PROGRAM_RUNNING", 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task ResetAsync(CancellationToken cancellationToken)
    {
        await SetErrorAsync("CNTL", 0, string.Empty).ConfigureAwait(false);
        await SetErrorAsync("PRG", 0, string.Empty).ConfigureAwait(false);
        await _pvs.SetAsync("PROGRAM_RUNNING", 0, cancellationToken).ConfigureAwait(false);
    }

    private async Task SetErrorAsync(string which, int code, string message)
    {
        await _pvs.SetAsync($"{which}_ERR_CODE", code).ConfigureAwait(false);
        await _pvs.SetAsync($"{which}_ERR_MSG", message).ConfigureAwait(false);
    }
}
