using System.Text.RegularExpressions;

namespace Hyperion.Cli.Experiments.Errors;

/// <summary>
/// A problem with the sample rather than the beamline (mx-bluesky's SampleError): the sample is marked in error and
/// collection moves on. Its text is <c>[TypeName]: message</c> so the type survives into a run stop's reason.
/// </summary>
public partial class SampleException : WarningException
{
    /// <summary>A sample problem described by <paramref name="message"/>.</summary>
    public SampleException(string message)
        : base(message)
    {
    }

    /// <summary>A sample problem described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public SampleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// <c>[TypeName]: message</c>, as mx-bluesky's SampleError prints itself: a run that fails on it closes with this
    /// reason, from which the sample handling callback reads that the sample (not the beamline) was at fault.
    /// </summary>
    public override string Message => $"[{GetType().Name}]: {base.Message}";

    /// <summary>The type name and message of a sample error from a run stop's <paramref name="reason"/>, or nulls.</summary>
    public static (string? TypeName, string? Message) TypeAndMessageFromReason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var match = ReasonPattern().Match(reason);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (null, null);
    }

    [GeneratedRegex(@"^\[(\S*)?\]: (.*)$", RegexOptions.Singleline)]
    private static partial Regex ReasonPattern();
}
