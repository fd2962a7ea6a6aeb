namespace Hyperion.Devices.Mx.Aperture;

/// <summary>An aperture-scatterguard move refused as unsafe, or a state that is no known position (dodal's InvalidApertureMoveError).</summary>
public sealed class InvalidApertureMoveException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidApertureMoveException()
        : base("Invalid aperture-scatterguard move.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidApertureMoveException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InvalidApertureMoveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
