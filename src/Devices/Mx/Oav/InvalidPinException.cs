namespace Hyperion.Devices.Mx.Oav;

/// <summary>An image in which no pin tip could be found (dodal's InvalidPinException).</summary>
public sealed class InvalidPinException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidPinException()
        : base("No pin tip was found in the image.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InvalidPinException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InvalidPinException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
