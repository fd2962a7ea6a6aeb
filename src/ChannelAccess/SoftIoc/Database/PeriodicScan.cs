using Hyperion.ChannelAccess.SoftIoc.Records;

namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>The records of one scan period (e.g. ".1 second"), processed in phase order on one timer.</summary>
internal sealed class PeriodicScan(TimeSpan period) : IDisposable
{
    public TimeSpan Period { get; } = period;

    /// <summary>The records, in phase order (then in the order they joined).</summary>
    public List<Record> Records { get; } = [];

    public ITimer? Timer { get; set; }

    public void Add(Record record)
    {
        var index = Records.FindLastIndex(r => r.Phase <= record.Phase);
        Records.Insert(index + 1, record);
    }

    public void Dispose() => Timer?.Dispose();
}
