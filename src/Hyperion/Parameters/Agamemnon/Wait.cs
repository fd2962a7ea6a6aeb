namespace Hyperion.Cli.Parameters;

/// <summary>An instruction to wait before asking Agamemnon again (mx-bluesky's plan-runner Wait).</summary>
public sealed record Wait : ParameterModel
{
    /// <summary>How long to wait, s (<c>duration_s</c>; required).</summary>
    [RequiredField]
    public double DurationS { get; init; }
}
