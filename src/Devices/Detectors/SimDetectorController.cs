namespace Hyperion.Devices.Detectors;

/// <summary>
/// A detector controller that exposes frames into a <see cref="SimDetectorWriter"/> on its clock: each exposure
/// takes the prepared livetime, internal triggering runs the exposures of the prepared events, one event per arm
/// for step scans. Readout needs <see cref="ReadoutTime"/> seconds between exposures.
/// </summary>
public sealed class SimDetectorController(SimDetectorWriter writer, TimeProvider? timeProvider = null) : IDetectorController, IDisposable
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private TriggerInfo _info = new();
    private Task _acquisition = Task.CompletedTask;
    private CancellationTokenSource? _running;

    /// <summary>Seconds of readout between exposures.</summary>
    public double ReadoutTime { get; init; } = 1e-5;

    /// <summary>How many times it has been armed.</summary>
    public int Arms { get; private set; }

    /// <inheritdoc/>
    public double GetDeadtime(double? exposure) => ReadoutTime;

    /// <inheritdoc/>
    public Task PrepareAsync(TriggerInfo info, CancellationToken cancellationToken)
    {
        _info = info ?? throw new ArgumentNullException(nameof(info));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ArmAsync(CancellationToken cancellationToken)
    {
        Arms++;
        _running?.Dispose();
        _running = new CancellationTokenSource();
        var exposures = _info.NumberOfEvents <= 1 ? _info.ExposuresPerEvent : _info.TotalExposures;
        _acquisition = ExposeAsync(exposures, _running.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WaitForIdleAsync(CancellationToken cancellationToken) => _acquisition.WaitAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task DisarmAsync(CancellationToken cancellationToken)
    {
        if (_running is { } running)
        {
            await running.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _acquisition.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Disarming is how an acquisition is cut short.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _running?.Cancel();
        _running?.Dispose();
    }

    private async Task ExposeAsync(long exposures, CancellationToken cancellationToken)
    {
        var exposure = TimeSpan.FromSeconds(_info.Livetime ?? 0);
        for (var i = 0; i < exposures; i++)
        {
            if (exposure > TimeSpan.Zero)
            {
                await Task.Delay(exposure, _time, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
            }

            writer.AddFrame();
        }
    }
}
