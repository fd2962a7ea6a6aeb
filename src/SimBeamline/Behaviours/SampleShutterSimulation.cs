using System.Threading.Channels;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The Zebra-controlled sample shutter: in manual mode (CTRL1) the position (STA) follows the manual demand (CTRL2)
/// after <see cref="MoveTime"/>; in auto mode the Zebra drives it and the demand is ignored.
/// </summary>
public sealed class SampleShutterSimulation : IAsyncDisposable
{
    private readonly TwinPvWriter _shutter;
    private readonly TimeProvider _time;
    private readonly Channel<double> _demands = Channel.CreateUnbounded<double>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;

    /// <summary>Starts the shutter on <paramref name="prefix"/> (e.g. BL03S-EA-SHTR-01:).</summary>
    public SampleShutterSimulation(RecordDatabase records, string prefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _shutter = new TwinPvWriter(records, prefix);
        _time = timeProvider ?? records.TimeProvider;

        // Under the database's lock: read only the record given.
        _shutter.Record("CTRL2").Processed += record => _demands.Writer.TryWrite(record.ValueField.Number);
        _worker = RunAsync(_stop.Token);
    }

    /// <summary>How long the shutter takes to open or close.</summary>
    public TimeSpan MoveTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The last failure to set the shutter's PVs.</summary>
    public Exception? LastError { get; private set; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        _demands.Writer.TryComplete();
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
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var demand in _demands.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_shutter.Get("CTRL1").GetDouble() != 0)
            {
                continue;
            }

            try
            {
                await Task.Delay(MoveTime, _time, cancellationToken).ConfigureAwait(false);
                await _shutter.SetAsync("STA", demand, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                LastError = e;
            }
        }
    }
}
