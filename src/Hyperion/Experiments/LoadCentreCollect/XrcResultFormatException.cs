namespace Hyperion.Cli.Experiments.LoadCentreCollect;

/// <summary>An X-ray centring result in a document could not be read; the message names the field.</summary>
public sealed class XrcResultFormatException : Exception
{
    /// <summary>The result is malformed as <paramref name="message"/> says.</summary>
    public XrcResultFormatException(string message)
        : base(message)
    {
    }

    /// <summary>The result is malformed as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public XrcResultFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
