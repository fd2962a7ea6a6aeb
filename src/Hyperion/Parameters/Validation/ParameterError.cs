namespace Hyperion.Cli.Parameters;

/// <summary>One violated rule in a parameter document.</summary>
/// <param name="Path">Where the offending value is, as a JSON path (<c>$.multi_rotation_scan.rotation_scans[1].scan_width_deg</c>).</param>
/// <param name="Rule">The rule that was broken, named as pydantic names its error types where one applies
/// (<c>missing</c>, <c>greater_than</c>, <c>string_pattern_mismatch</c>) and after the mx-bluesky validator otherwise.</param>
/// <param name="Message">What is wrong, in words.</param>
/// <param name="Value">The offending value as JSON text, or null when there is none (a missing field).</param>
public sealed record ParameterError(string Path, string Rule, string Message, string? Value)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Value is null ? $"{Path}: {Message} [{Rule}]" : $"{Path}: {Message} [{Rule}] (got {Value})";
}
