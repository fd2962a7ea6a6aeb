namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// A row of ISPyB's <c>DataCollectionGroup</c>: the columns Hyperion writes. As an update, only the non-null
/// properties are written (the ids are ignored), as ISPyB's REST API patches.
/// </summary>
public sealed record DataCollectionGroupRow
{
    /// <summary><c>dataCollectionGroupId</c> (the dcgid); ignored on insert and update.</summary>
    public long DataCollectionGroupId { get; init; }

    /// <summary><c>sessionId</c>: the visit's session; required on insert, ignored on update.</summary>
    public long SessionId { get; init; }

    /// <summary><c>experimentType</c>: one of ISPyB's values (<see cref="IspybEnums.ExperimentTypes"/>), e.g. <c>Mesh3D</c>, <c>SAD</c>.</summary>
    public string? ExperimentType { get; init; }

    /// <summary><c>blSampleId</c>: the sample (it need not be registered in <c>BLSample</c>).</summary>
    public long? BlSampleId { get; init; }

    /// <summary><c>comments</c> (at most 1024 characters).</summary>
    public string? Comments { get; init; }

    /// <summary><c>startTime</c>, to the second.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary><c>endTime</c>, to the second.</summary>
    public DateTime? EndTime { get; init; }

    /// <summary><c>actualSampleBarcode</c>.</summary>
    public string? ActualSampleBarcode { get; init; }

    /// <summary><c>xtalSnapshotFullPath</c>.</summary>
    public string? XtalSnapshotFullPath { get; init; }
}
