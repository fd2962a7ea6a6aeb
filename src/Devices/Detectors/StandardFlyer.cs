using Hyperion.Devices.Core;
using Hyperion.Devices.Errors;
using Hyperion.Engine.Protocols;
using Hyperion.Engine.Statuses;

namespace Hyperion.Devices.Detectors;

/// <summary>
/// A flyer over trigger logic (ophyd-async's StandardFlyer): prepare loads it, kickoff starts it, complete waits for
/// it; staging and unstaging stop it so that a scan starts and ends with it idle.
/// </summary>
/// <typeparam name="T">What the trigger logic is prepared with.</typeparam>
public class StandardFlyer<T> : Device, IStageable, IPreparable, IFlyable
{
    /// <summary>Creates the flyer over <paramref name="triggerLogic"/>.</summary>
    public StandardFlyer(IFlyerController<T> triggerLogic, string name = "")
        : base(string.Empty)
    {
        TriggerLogic = triggerLogic ?? throw new ArgumentNullException(nameof(triggerLogic));
        SetName(name);
    }

    /// <summary>The trigger logic.</summary>
    public IFlyerController<T> TriggerLogic { get; }

    /// <inheritdoc/>
    public Status Stage() => new(TriggerLogic.StopAsync(CancellationToken.None), this);

    /// <inheritdoc/>
    public Status Unstage() => new(TriggerLogic.StopAsync(CancellationToken.None), this);

    /// <inheritdoc/>
    public Status Prepare(object? value) => value is T typed
        ? new Status(TriggerLogic.PrepareAsync(typed, CancellationToken.None), this)
        : throw new SignalTypeException(Name, $"prepare expects a {typeof(T).Name}, got {value?.GetType().Name ?? "null"}.");

    /// <inheritdoc/>
    public Status Kickoff() => new(TriggerLogic.KickoffAsync(CancellationToken.None), this);

    /// <inheritdoc/>
    public Status Complete() => new(TriggerLogic.CompleteAsync(CancellationToken.None), this);
}
