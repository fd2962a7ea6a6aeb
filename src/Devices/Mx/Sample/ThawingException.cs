namespace Hyperion.Devices.Mx.Sample;

/// <summary>A thaw that could not start (dodal's ThawingException), e.g. because one is already running.</summary>
public sealed class ThawingException : Exception
{
    /// <summary>Creates the error with <paramref name="message"/>.</summary>
    public ThawingException(string message)
        : base(message)
    {
    }
}
