namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>A row of ISPyB's <c>BLSample</c>: the columns Hyperion reads and writes.</summary>
public sealed record BLSampleRow
{
    /// <summary><c>blSampleId</c>.</summary>
    public long BlSampleId { get; init; }

    /// <summary><c>containerId</c>: the puck.</summary>
    public long? ContainerId { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>location</c>: the position in the container.</summary>
    public string? Location { get; init; }

    /// <summary><c>subLocation</c>: the position on a multi-sample pin.</summary>
    public int? SubLocation { get; init; }

    /// <summary><c>loopType</c>.</summary>
    public string? LoopType { get; init; }

    /// <summary><c>comments</c>.</summary>
    public string? Comments { get; init; }

    /// <summary><c>blSampleStatus</c> (at most 20 characters; see <see cref="BLSampleStatus"/>).</summary>
    public string? BlSampleStatus { get; init; }
}
