namespace Hyperion.Devices.Mx.GridScan;

/// <summary>The motion controller did not validate the grid scan parameters in time (dodal's GridScanInvalidException).</summary>
public sealed class GridScanInvalidException : InvalidOperationException
{
    /// <summary>Creates the exception after waiting <paramref name="timeout"/> for the validity checks.</summary>
    public GridScanInvalidException(TimeSpan timeout, Exception? innerException = null)
        : base($"Gridscan parameters not validated after {PythonFormat.Float(timeout.TotalSeconds)}s", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>How long the checks were given.</summary>
    public TimeSpan Timeout { get; }
}
