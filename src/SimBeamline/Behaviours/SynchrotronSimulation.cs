using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The storage ring as the beamline sees it: user mode at 3 GeV, a ring current that decays slowly and is topped up
/// every <see cref="FillPeriod"/> (top-up countdowns counting down once a second on the twin's clock, the current
/// restored during the top-up), and beam dumps on demand (<see cref="DumpBeamAsync"/>, <see cref="RestoreBeamAsync"/>).
/// </summary>
public sealed class SynchrotronSimulation : IAsyncDisposable
{
    private readonly TwinPvWriter _dcct;
    private readonly TwinPvWriter _status;
    private readonly TwinPvWriter _fill;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly Task _worker;
    private bool _dumped;

    /// <summary>Starts the ring on the synchrotron's PVs (SR-DI-DCCT-01:, CS-CS-MSTAT-01:, SR-CS-FILL-01:).</summary>
    public SynchrotronSimulation(RecordDatabase records, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _dcct = new TwinPvWriter(records, "SR-DI-DCCT-01:");
        _status = new TwinPvWriter(records, "CS-CS-MSTAT-01:");
        _fill = new TwinPvWriter(records, "SR-CS-FILL-01:");
        _time = timeProvider ?? records.TimeProvider;
        _worker = RunAsync(_stop.Token);
    }

    /// <summary>The current after a top-up (mA).</summary>
    public double FullCurrent { get; init; } = 300;

    /// <summary>Time between top-ups.</summary>
    public TimeSpan FillPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a top-up lasts.</summary>
    public TimeSpan TopUpLength { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The current lost per second between top-ups (mA/s).</summary>
    public double DecayPerSecond { get; init; } = 0.003;

    /// <summary>The last failure to update the ring's PVs.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Dumps the beam: current 0, mode "No Beam", top-ups stopped.</summary>
    public async Task DumpBeamAsync()
    {
        // One writer at a time, so a tick in flight cannot put the current back after the dump.
        await _writes.WaitAsync().ConfigureAwait(false);
        try
        {
            _dumped = true;
            await _dcct.SetAsync("SIGNAL", 0).ConfigureAwait(false);
            await _status.SetAsync("MODE", "No Beam").ConfigureAwait(false);
            await _fill.SetAsync("TOPUPSTATE", "Off").ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Brings the beam back: full current, user mode, top-up running.</summary>
    public async Task RestoreBeamAsync()
    {
        await _writes.WaitAsync().ConfigureAwait(false);
        try
        {
            _dumped = false;
            await _dcct.SetAsync("SIGNAL", FullCurrent).ConfigureAwait(false);
            await _status.SetAsync("MODE", "User").ConfigureAwait(false);
            await _fill.SetAsync("TOPUPSTATE", "Running").ConfigureAwait(false);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _writes.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _status.SetAsync("BEAMENERGY", 3.0, cancellationToken).ConfigureAwait(false);
            await _fill.SetAsync("FILLPERIOD", FillPeriod.TotalSeconds, cancellationToken).ConfigureAwait(false);
            await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A dump injected before this worker got going stands.
                if (!_dumped)
                {
                    await _dcct.SetAsync("SIGNAL", FullCurrent, cancellationToken).ConfigureAwait(false);
                    await _status.SetAsync("MODE", "User", cancellationToken).ConfigureAwait(false);
                    await _fill.SetAsync("TOPUPSTATE", "Running", cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _writes.Release();
            }

            var current = FullCurrent;
            var untilTopUp = FillPeriod;
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
            while (await tick.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (_dumped)
                    {
                        current = FullCurrent;
                        continue;
                    }

                    untilTopUp -= TimeSpan.FromSeconds(1);
                    if (untilTopUp <= TimeSpan.Zero)
                    {
                        current = FullCurrent;
                        untilTopUp = FillPeriod;
                    }
                    else
                    {
                        current -= DecayPerSecond;
                    }

                    var toEnd = untilTopUp + TopUpLength;
                    await _dcct.SetAsync("SIGNAL", Math.Round(current, 3), cancellationToken).ConfigureAwait(false);
                    await _fill.SetAsync("COUNTDOWN", Math.Round(untilTopUp.TotalSeconds), cancellationToken).ConfigureAwait(false);
                    await _fill.SetAsync("STACOUNTDN", Math.Round(untilTopUp.TotalSeconds), cancellationToken).ConfigureAwait(false);
                    await _fill.SetAsync("ENDCOUNTDN", Math.Round(toEnd.TotalSeconds), cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _writes.Release();
                }
            }
        }
        catch (InvalidOperationException e)
        {
            LastError = e;
        }
    }
}
