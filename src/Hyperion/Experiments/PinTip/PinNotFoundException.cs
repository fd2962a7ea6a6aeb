namespace Hyperion.Cli.Experiments.PinTip;

/// <summary>The pin-tip detection found no tip within its validity time-out (dodal's PinNotFoundException).</summary>
public sealed class PinNotFoundException : Exception
{
    /// <summary>No tip was found after <paramref name="timeoutS"/> seconds.</summary>
    public PinNotFoundException(double timeoutS)
        : base($"No pin found after {timeoutS} seconds")
    {
        TimeoutS = timeoutS;
    }

    /// <summary>No tip was found, as <paramref name="message"/> says.</summary>
    public PinNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>No tip was found, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public PinNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the detection looked, s.</summary>
    public double TimeoutS { get; }
}
