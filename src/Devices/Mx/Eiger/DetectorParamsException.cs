namespace Hyperion.Devices.Mx.Eiger;

/// <summary>Detector parameters that cannot be used (dodal raises a bare Exception joining the problems with newlines).</summary>
public sealed class DetectorParamsException : Exception
{
    /// <summary>Creates the error from every problem found.</summary>
    public DetectorParamsException(IReadOnlyList<string> problems)
        : base(string.Join("\n", problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Each problem, e.g. "Detector Size must be set".</summary>
    public IReadOnlyList<string> Problems { get; }
}
