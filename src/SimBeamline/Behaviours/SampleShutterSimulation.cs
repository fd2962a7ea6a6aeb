using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The Zebra-controlled sample shutter: in manual mode (CTRL1) the position (STA) follows the manual demand (CTRL2)
/// after <see cref="MoveTime"/>; in auto mode the Zebra's auto-shutter gate drives it (<see cref="FollowZebra(bool, long?)"/>)
/// and the manual demand is ignored.
/// </summary>
public sealed class SampleShutterSimulation : TwinController<(bool FromZebra, double Demand, long At)>
{
    private readonly TwinPvWriter _shutter;
    private readonly TimeProvider _time;

    /// <summary>Starts the shutter on <paramref name="prefix"/> (e.g. BL03S-EA-SHTR-01:).</summary>
    public SampleShutterSimulation(RecordDatabase records, string prefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _shutter = new TwinPvWriter(records, prefix);
        _time = timeProvider ?? records.TimeProvider;
        Timeline = new ShutterTimeline(_shutter.Get("STA").GetDouble() != 0);

        // Under the database's lock: read only the record given.
        _shutter.Record("CTRL2").Processed += record => Post((false, record.ValueField.Number, _time.GetTimestamp()));
        Start();
    }

    /// <summary>When the shutter opened and closed (STA), for detectors that expose while it moves.</summary>
    public ShutterTimeline Timeline { get; }

    /// <summary>How long the shutter takes to open or close.</summary>
    public TimeSpan MoveTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The Zebra's auto-shutter gate changed: in auto mode the shutter follows it.</summary>
    public void FollowZebra(bool open) => FollowZebra(open, null);

    /// <summary>As <see cref="FollowZebra(bool)"/>, for a gate that changed at <paramref name="at"/> (null: now).</summary>
    public void FollowZebra(bool open, long? at) => Post((true, open ? 1 : 0, at ?? _time.GetTimestamp()));

    /// <inheritdoc/>
    protected override async Task HandleAsync((bool FromZebra, double Demand, long At) command, CancellationToken cancellationToken)
    {
        var (fromZebra, demand, at) = command;
        var auto = _shutter.Get("CTRL1").GetDouble() != 0;
        if (auto != fromZebra)
        {
            return;
        }

        // The blades arrive MoveTime after the demand, however late this controller gets to it: the timeline says when.
        var arrives = at + (long)(MoveTime.TotalSeconds * _time.TimestampFrequency);
        var wait = _time.GetElapsedTime(_time.GetTimestamp(), arrives);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        await _shutter.SetAsync("STA", demand, cancellationToken).ConfigureAwait(false);
        Timeline.Record(arrives, demand != 0);
    }
}
