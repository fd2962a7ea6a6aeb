using System.Text;
using Hyperion.ChannelAccess.SoftIoc.Database;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The backlight's pneumatic axis: a new demand on CTRL sets it travelling, and it arrives <see cref="TravelTime"/>
/// later (dodal's TIME_TO_MOVE_S, a second timed on i03), when the twin's limit-switch readback STA takes the new
/// position. The OAV camera lights the sample from STA, so an image taken mid-travel is not yet lit (or not yet
/// dark). dodal's device has no readback and sleeps the travel time instead; STA is the twin's own record, for tests.
/// </summary>
public sealed class BacklightSimulation : TwinController<double>
{
    private readonly TwinPvWriter _backlight;
    private readonly TimeProvider _time;
    private double _lastDemand = double.NaN;

    /// <summary>Starts the axis on <paramref name="prefix"/> (e.g. BL03S-EA-BL-01:).</summary>
    public BacklightSimulation(RecordDatabase records, string prefix, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        _backlight = new TwinPvWriter(records, prefix);
        _time = timeProvider ?? records.TimeProvider;

        // Under the database's lock: read only the record given.
        _backlight.Record("CTRL").Processed += record =>
        {
            var demand = record.ValueField.Number;
            if (demand != _lastDemand)
            {
                _lastDemand = demand;
                Post(demand);
            }
        };
        Start();
    }

    /// <summary>How long the axis takes to go in or out.</summary>
    public TimeSpan TravelTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The twin's readback record under <paramref name="prefix"/>, as .db text: STA, with CTRL's In/Out states.</summary>
    public static string ToDbText(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var text = new StringBuilder();
        text.AppendLine("# The twin's backlight position readback (src/SimBeamline/Behaviours/BacklightSimulation.cs).");
        text.Append("record(mbbi, \"").Append(prefix).AppendLine("STA\") {");
        text.AppendLine("    field(ZRST, \"In\")").AppendLine("    field(ZRVL, \"0\")");
        text.AppendLine("    field(ONST, \"Out\")").AppendLine("    field(ONVL, \"1\")");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <inheritdoc/>
    protected override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // At start the axis is wherever its demand says.
        await _backlight.SetAsync("STA", _backlight.Get("CTRL").GetDouble(), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task HandleAsync(double demand, CancellationToken cancellationToken)
    {
        if (_backlight.Get("STA").GetDouble() == demand)
        {
            return;
        }

        await Task.Delay(TravelTime, _time, cancellationToken).ConfigureAwait(false);
        await _backlight.SetAsync("STA", demand, cancellationToken).ConfigureAwait(false);
    }
}
