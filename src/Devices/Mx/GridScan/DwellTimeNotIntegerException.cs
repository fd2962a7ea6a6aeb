namespace Hyperion.Devices.Mx.GridScan;

/// <summary>A dwell time that is not a whole number of milliseconds (dodal's WithDwellTime validator, a ValueError).</summary>
public sealed class DwellTimeNotIntegerException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="dwellTimeMs"/>.</summary>
    public DwellTimeNotIntegerException(double dwellTimeMs)
        : base($"Dwell time of {PythonFormat.Float(dwellTimeMs)}ms is not an integer value. Fast Grid Scan only accepts integer values")
    {
        DwellTimeMs = dwellTimeMs;
    }

    /// <summary>The refused dwell time (ms).</summary>
    public double DwellTimeMs { get; }
}
