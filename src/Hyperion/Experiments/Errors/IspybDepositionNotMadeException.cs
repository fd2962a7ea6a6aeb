namespace Hyperion.Cli.Experiments.Errors;

/// <summary>The ISPyB or Zocalo callbacks found no ISPyB deposition to refer to (mx-bluesky's ISPyBDepositionNotMadeError).</summary>
public sealed class IspybDepositionNotMadeException : Exception
{
    /// <summary>No deposition, as <paramref name="message"/> says.</summary>
    public IspybDepositionNotMadeException(string message)
        : base(message)
    {
    }

    /// <summary>No deposition, as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public IspybDepositionNotMadeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
