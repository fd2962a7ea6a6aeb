namespace Hyperion.Devices.Detectors;

/// <summary>
/// What a detector is prepared for (ophyd-async's TriggerInfo): how many events, how they are triggered, exposure
/// (livetime) and readout (deadtime) per exposure, exposures per event, and how long to wait for each.
/// </summary>
public sealed record TriggerInfo
{
    /// <summary>Events to collect (0: until stopped).</summary>
    public int NumberOfEvents { get; init; } = 1;

    /// <summary>How exposures start.</summary>
    public DetectorTrigger Trigger { get; init; } = DetectorTrigger.Internal;

    /// <summary>Seconds between exposures the trigger logic leaves for readout.</summary>
    public double Deadtime { get; init; }

    /// <summary>Seconds of each exposure (null: as the detector is set).</summary>
    public double? Livetime { get; init; }

    /// <summary>Extra seconds to wait for each exposure beyond its livetime (null: the default time-out).</summary>
    public double? ExposureTimeout { get; init; }

    /// <summary>Exposures summed into each event.</summary>
    public int ExposuresPerEvent { get; init; } = 1;

    /// <summary>Exposures in all.</summary>
    public long TotalExposures => (long)NumberOfEvents * ExposuresPerEvent;

    /// <summary>Throws naming the field that is out of range.</summary>
    public void Validate()
    {
        if (NumberOfEvents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(NumberOfEvents), NumberOfEvents, "TriggerInfo.NumberOfEvents must be 0 or more.");
        }

        if (ExposuresPerEvent < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ExposuresPerEvent), ExposuresPerEvent, "TriggerInfo.ExposuresPerEvent must be at least 1.");
        }

        if (Deadtime < 0 || Livetime < 0 || ExposureTimeout < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Deadtime), "TriggerInfo times (deadtime, livetime, exposure time-out) cannot be negative.");
        }
    }
}
