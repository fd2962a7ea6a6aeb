namespace Hyperion.Devices.Signals;

/// <summary>A signal whose changes can be watched without knowing its type: what derived signals recompute on.</summary>
public interface IObservableSignal
{
    /// <summary>Calls <paramref name="changed"/> for the current value and every change; dispose to stop.</summary>
    IDisposable SubscribeChanges(Action changed);
}
