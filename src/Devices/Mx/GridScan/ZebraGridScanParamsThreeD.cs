namespace Hyperion.Devices.Mx.GridScan;

/// <summary>A 3-D grid scan triggered by the zebra (dodal's ZebraGridScanParamsThreeD): adds the dwell time.</summary>
public record ZebraGridScanParamsThreeD : GridScanParamsThreeD
{
    private readonly double _dwellTimeMs = 213;

    /// <summary>dwell_time_ms: the time between x trigger positions, a whole number of milliseconds.</summary>
    /// <exception cref="DwellTimeNotIntegerException">The value is not within a relative 1e-3 of its floor.</exception>
    public double DwellTimeMs
    {
        get => _dwellTimeMs;
        init
        {
            // numpy.isclose(v, floor(v), rtol=1e-3) with its default atol of 1e-8.
            var floor = Math.Floor(value);
            if (!(Math.Abs(value - floor) <= 1e-8 + (1e-3 * Math.Abs(floor))))
            {
                throw new DwellTimeNotIntegerException(value);
            }

            _dwellTimeMs = value;
        }
    }
}
