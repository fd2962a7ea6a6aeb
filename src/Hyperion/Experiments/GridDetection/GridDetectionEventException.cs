namespace Hyperion.Cli.Experiments.GridDetection;

/// <summary>A grid snapshot event lacks a value grid detection needs, or the grids were asked for before both were seen.</summary>
public sealed class GridDetectionEventException : Exception
{
    /// <summary>The event or state is wrong, as <paramref name="message"/> says.</summary>
    public GridDetectionEventException(string message)
        : base(message)
    {
    }

    /// <summary>The event or state is wrong, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public GridDetectionEventException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
