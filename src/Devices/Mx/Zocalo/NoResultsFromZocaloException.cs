namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>Zocalo sent no usable results in time (dodal's NoResultsFromZocalo).</summary>
public sealed class NoResultsFromZocaloException : Exception
{
    /// <summary>Creates the error.</summary>
    public NoResultsFromZocaloException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
