namespace Hyperion.Devices.Detectors;

/// <summary>The trigger logic a <see cref="StandardFlyer{T}"/> drives (ophyd-async's FlyerController): a PandA or Zebra sequence, say.</summary>
/// <typeparam name="T">What it is prepared with.</typeparam>
public interface IFlyerController<in T>
{
    /// <summary>Loads the trigger logic for <paramref name="value"/>.</summary>
    Task PrepareAsync(T value, CancellationToken cancellationToken);

    /// <summary>Starts it.</summary>
    Task KickoffAsync(CancellationToken cancellationToken);

    /// <summary>Waits until it has finished.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Stops it.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
