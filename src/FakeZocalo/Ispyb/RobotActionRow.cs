namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// A row of ISPyB's <c>RobotAction</c>: one robot load or unload. As an update, only the non-null properties are
/// written (ids, session, sample and action type are ignored).
/// </summary>
public sealed record RobotActionRow
{
    /// <summary><c>robotActionId</c>; ignored on insert and update.</summary>
    public long RobotActionId { get; init; }

    /// <summary><c>blsessionId</c>: the session; required on insert.</summary>
    public long BlSessionId { get; init; }

    /// <summary><c>blsampleId</c>: the sample moved.</summary>
    public long? BlSampleId { get; init; }

    /// <summary><c>actionType</c>: one of <see cref="IspybEnums.RobotActionTypes"/> (<c>LOAD</c>, <c>UNLOAD</c>, ...); required on insert.</summary>
    public string? ActionType { get; init; }

    /// <summary><c>startTimestamp</c>, to the second; required on insert.</summary>
    public DateTime? StartTimestamp { get; init; }

    /// <summary><c>endTimestamp</c>, to the second.</summary>
    public DateTime? EndTimestamp { get; init; }

    /// <summary><c>status</c>: one of <see cref="IspybEnums.RobotActionStatuses"/> (<c>SUCCESS</c>, <c>ERROR</c>, ...).</summary>
    public string? Status { get; init; }

    /// <summary><c>message</c> (at most 255 characters).</summary>
    public string? Message { get; init; }

    /// <summary><c>containerLocation</c>: the puck position.</summary>
    public int? ContainerLocation { get; init; }

    /// <summary><c>dewarLocation</c>: the pin position in the puck.</summary>
    public int? DewarLocation { get; init; }

    /// <summary><c>sampleBarcode</c>.</summary>
    public string? SampleBarcode { get; init; }

    /// <summary><c>xtalSnapshotBefore</c>.</summary>
    public string? XtalSnapshotBefore { get; init; }

    /// <summary><c>xtalSnapshotAfter</c>.</summary>
    public string? XtalSnapshotAfter { get; init; }
}
