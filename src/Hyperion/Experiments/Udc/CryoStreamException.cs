namespace Hyperion.Cli.Experiments.Udc;

/// <summary>The cryostream is not fit to start UDC (mx-bluesky's CryoStreamError, a beamline check failure).</summary>
public sealed class CryoStreamException : Exception
{
    /// <summary>The cryostream is unfit as <paramref name="message"/> says.</summary>
    public CryoStreamException(string message)
        : base(message)
    {
    }

    /// <summary>The cryostream is unfit as <paramref name="message"/> says, because of <paramref name="innerException"/>.</summary>
    public CryoStreamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
