namespace Hyperion.Devices.Detectors;

/// <summary>Trigger logic that leaves less time between exposures than the detector needs to read out.</summary>
public sealed class DeadtimeException(string detector, double required, double provided)
    : Exception($"{detector} needs at least {required} s of deadtime, but the trigger logic provides only {provided} s.")
{
    /// <summary>The detector's name.</summary>
    public string Detector { get; } = detector;

    /// <summary>The readout time the detector needs.</summary>
    public double Required { get; } = required;

    /// <summary>The deadtime the TriggerInfo gave.</summary>
    public double Provided { get; } = provided;
}
