namespace Hyperion.SimBeamline.Samples;

/// <summary>A sample definition that cannot be simulated: names the field (as a JSON path) and what is wrong.</summary>
public sealed class SampleException(string field, string problem, Exception? innerException = null)
    : Exception($"{field}: {problem}", innerException)
{
    /// <summary>The field, e.g. crystal.unit_cell.alpha.</summary>
    public string Field { get; } = field;
}
