namespace Hyperion.Devices.Detectors;

/// <summary>Drives a detector's acquisition (ophyd-async's DetectorController): prepare, arm, wait, disarm.</summary>
public interface IDetectorController
{
    /// <summary>The readout time needed between exposures of <paramref name="exposure"/> seconds.</summary>
    double GetDeadtime(double? exposure);

    /// <summary>Sets the detector up for <paramref name="info"/> without starting it.</summary>
    Task PrepareAsync(TriggerInfo info, CancellationToken cancellationToken);

    /// <summary>Starts acquiring (or waiting for triggers); returns once armed.</summary>
    Task ArmAsync(CancellationToken cancellationToken);

    /// <summary>Waits until the acquisition started by <see cref="ArmAsync"/> has finished.</summary>
    Task WaitForIdleAsync(CancellationToken cancellationToken);

    /// <summary>Stops acquiring.</summary>
    Task DisarmAsync(CancellationToken cancellationToken);
}
