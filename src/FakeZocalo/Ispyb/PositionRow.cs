namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>A row of ISPyB's <c>Position</c>: the goniometer position of a data collection.</summary>
public sealed record PositionRow
{
    /// <summary><c>positionId</c>; ignored on insert.</summary>
    public long PositionId { get; init; }

    /// <summary><c>posX</c>, mm.</summary>
    public double? PosX { get; init; }

    /// <summary><c>posY</c>, mm.</summary>
    public double? PosY { get; init; }

    /// <summary><c>posZ</c>, mm.</summary>
    public double? PosZ { get; init; }

    /// <summary><c>scale</c>.</summary>
    public double? Scale { get; init; }

    /// <summary><c>recordTimeStamp</c>: when the row was written; set by the store.</summary>
    public DateTime? RecordTimeStamp { get; init; }
}
