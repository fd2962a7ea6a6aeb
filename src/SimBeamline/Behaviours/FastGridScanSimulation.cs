using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The twin's fast grid scan controller (the FGS motion program): keeps X/Y/Z_SCAN_VALID and SCAN_INVALID up to date
/// as the parameters change (each axis valid when it has steps, a step size and stays inside the smargon's soft
/// limits; invalid without a dwell time); RUN.PROC runs grid 1 (x-y at z1) then turns omega by 90° (so z is
/// across the beam, as the OAV saw it for the second grid) and runs grid 2 (x-z at y2), snaking
/// row by row, x moving at one step per dwell time and one detector trigger per point (POS_COUNTER, X/Y_COUNTER,
/// <see cref="Triggered"/>); SCAN_STATUS and PROGBITS are 1 while it runs; STOP.PROC aborts it.
/// </summary>
public sealed class FastGridScanSimulation : TwinController<string>
{
    private static readonly string[] Parameters = ["X_NUM_STEPS", "Y_NUM_STEPS", "Z_NUM_STEPS", "X_STEP_SIZE", "Y_STEP_SIZE", "Z_STEP_SIZE", "X_START", "Y_START", "Z_START", "Y2_START", "Z2_START", "DWELL_TIME"];
    private readonly TwinPvWriter _fgs;
    private readonly TwinPvWriter _smargon;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _scan;
    private Task _running = Task.CompletedTask;

    /// <summary>Starts the controller on the records under <paramref name="smargonPrefix"/> (e.g. BL03S-MO-SGON-01:).</summary>
    public FastGridScanSimulation(RecordDatabase records, string smargonPrefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _fgs = new TwinPvWriter(records, smargonPrefix + "FGS:");
        _smargon = new TwinPvWriter(records, smargonPrefix);
        _time = timeProvider ?? records.TimeProvider;
        foreach (var parameter in Parameters)
        {
            _fgs.Record(parameter).Processed += _ => Post("VALIDATE");
        }

        _fgs.Record("RUN").Processed += _ => Post("RUN");
        _fgs.Record("STOP").Processed += _ => Abort();
        Post("VALIDATE");
        Start();
    }

    /// <summary>Raised for each detector trigger (on the controller's worker; handlers must be quick).</summary>
    public event Action<GridPointTrigger>? Triggered;

    /// <summary>The scan started (true) or ended (false): the level the IOC gives the Zebra's IN4.</summary>
    public event Action<bool>? RunningChanged;

    /// <summary>The last failure of a scan, kept for the twin's log and tests.</summary>
    public Exception? LastScanError { get; private set; }

    /// <inheritdoc/>
    protected override async Task HandleAsync(string command, CancellationToken cancellationToken)
    {
        if (command == "VALIDATE")
        {
            await ValidateAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (_running.IsCompleted && Number("SCAN_INVALID") == 0)
        {
            // The scan runs beside the worker, so parameter changes and STOP are still handled while it moves.
            var previous = _scan;
            _scan = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            previous?.Dispose();
            _running = ScanAsync(_scan.Token);
        }
    }

    /// <inheritdoc/>
    protected override async Task OnDisposeAsync()
    {
        Abort();
        await _running.ConfigureAwait(false);
        _scan?.Dispose();
    }

    private void Abort()
    {
        try
        {
            _scan?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // STOP raced a new RUN: the scan that source belonged to had already ended.
        }
    }

    private double Number(string suffix) => _fgs.Get(suffix).GetDouble();

    private async Task ValidateAsync(CancellationToken cancellationToken)
    {
        var x = AxisValid("X", Number("X_NUM_STEPS"), Number("X_STEP_SIZE"), Number("X_START"));
        var y = AxisValid("Y", Number("Y_NUM_STEPS"), Number("Y_STEP_SIZE"), Number("Y_START"));
        var z = Number("Z_NUM_STEPS") == 0 || AxisValid("Z", Number("Z_NUM_STEPS"), Number("Z_STEP_SIZE"), Number("Z2_START"));
        await _fgs.SetAsync("X_SCAN_VALID", x ? 1 : 0, cancellationToken).ConfigureAwait(false);
        await _fgs.SetAsync("Y_SCAN_VALID", y ? 1 : 0, cancellationToken).ConfigureAwait(false);
        await _fgs.SetAsync("Z_SCAN_VALID", z ? 1 : 0, cancellationToken).ConfigureAwait(false);
        await _fgs.SetAsync("SCAN_INVALID", x && y && z && Number("DWELL_TIME") > 0 ? 0 : 1, cancellationToken).ConfigureAwait(false);
    }

    // The IOC's check: steps and a step size, and both ends of the axis inside the motor's soft limits.
    private bool AxisValid(string axis, double steps, double stepSize, double start)
    {
        if (steps < 1 || stepSize == 0)
        {
            return false;
        }

        var low = _smargon.Get($"{axis}.LLM").GetDouble();
        var high = _smargon.Get($"{axis}.HLM").GetDouble();
        var end = start + ((steps - 1) * stepSize);
        return (low == 0 && high == 0) || (Math.Min(start, end) >= low && Math.Max(start, end) <= high);
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        await _fgs.SetAsync("SCAN_STATUS", 1, CancellationToken.None).ConfigureAwait(false);
        await _smargon.SetAsync("PROGBITS", 1, CancellationToken.None).ConfigureAwait(false);
        RunningChanged?.Invoke(true);
        var originalVelocity = _smargon.Get("X.VELO").GetDouble();
        try
        {
            var (xSteps, ySteps, zSteps) = ((int)Number("X_NUM_STEPS"), (int)Number("Y_NUM_STEPS"), (int)Number("Z_NUM_STEPS"));
            var dwell = TimeSpan.FromMilliseconds(Number("DWELL_TIME"));
            var index = (int)Number("POS_COUNTER");
            index = await GridAsync(1, xSteps, ySteps, "Y", Number("Y_START"), Number("Y_STEP_SIZE"), "Z", Number("Z_START"), dwell, index, cancellationToken).ConfigureAwait(false);
            if (zSteps > 0)
            {
                // The motion program turns the sample a quarter turn between the grids; it stays there afterwards.
                await MoveAsync("OMEGA", _smargon.Get("OMEGA").GetDouble() + 90, cancellationToken).ConfigureAwait(false);
                await GridAsync(2, xSteps, zSteps, "Z", Number("Z2_START"), Number("Z_STEP_SIZE"), "Y", Number("Y2_START"), dwell, index, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _smargon.SetAsync("X.STOP", 1, CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            LastScanError = e;
        }
        finally
        {
            await _smargon.SetAsync("X.VELO", originalVelocity, CancellationToken.None).ConfigureAwait(false);
            await _smargon.SetAsync("PROGBITS", 0, CancellationToken.None).ConfigureAwait(false);
            await _fgs.SetAsync("SCAN_STATUS", 0, CancellationToken.None).ConfigureAwait(false);
            RunningChanged?.Invoke(false);
        }
    }

    // One grid: rows along the slow axis, x snaking, one trigger per point every dwell time while x moves.
    private async Task<int> GridAsync(int grid, int xSteps, int rows, string slowAxis, double slowStart, double slowStep, string fixedAxis, double fixedPosition, TimeSpan dwell, int index, CancellationToken cancellationToken)
    {
        var (xStart, xStep) = (Number("X_START"), Number("X_STEP_SIZE"));
        await MoveAsync(fixedAxis, fixedPosition, cancellationToken).ConfigureAwait(false);
        for (var row = 0; row < rows; row++)
        {
            var forward = row % 2 == 0;
            var slow = slowStart + (row * slowStep);
            var first = forward ? xStart : xStart + ((xSteps - 1) * xStep);
            var last = forward ? xStart + ((xSteps - 1) * xStep) : xStart;
            await _smargon.SetAsync("X.VELO", 5, cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(MoveAsync(slowAxis, slow, cancellationToken), MoveAsync("X", first, cancellationToken)).ConfigureAwait(false);
            await _smargon.SetAsync("X.VELO", Math.Abs(xStep) / dwell.TotalSeconds, cancellationToken).ConfigureAwait(false);
            var sweep = xSteps > 1 ? MoveAsync("X", last, cancellationToken) : Task.CompletedTask;
            for (var i = 0; i < xSteps; i++)
            {
                await Task.Delay(dwell, _time, cancellationToken).ConfigureAwait(false);
                var column = forward ? i : xSteps - 1 - i;
                var x = xStart + (column * xStep);
                var (y, z) = slowAxis == "Y" ? (slow, fixedPosition) : (fixedPosition, slow);
                await _fgs.SetAsync("POS_COUNTER", index + 1, cancellationToken).ConfigureAwait(false);
                await _fgs.SetAsync("X_COUNTER", column, cancellationToken).ConfigureAwait(false);
                await _fgs.SetAsync("Y_COUNTER", row, cancellationToken).ConfigureAwait(false);
                Triggered?.Invoke(new GridPointTrigger(grid, index, x, y, z, _smargon.Get("OMEGA.RBV").GetDouble()));
                index++;
            }

            await sweep.ConfigureAwait(false);
        }

        return index;
    }

    private Task MoveAsync(string axis, double position, CancellationToken cancellationToken) => _smargon.SetAsync(axis, position, cancellationToken);
}
