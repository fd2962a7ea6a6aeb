namespace Hyperion.Engine.Protocols;

/// <summary>Something that pushes readings as it changes ('monitor').</summary>
public interface ISubscribable : IHasName
{
    /// <summary>Calls <paramref name="callback"/> with a reading now and on every change.</summary>
    void Subscribe(Action<IReadOnlyDictionary<string, Reading>> callback);

    /// <summary>Stops calling <paramref name="callback"/>.</summary>
    void ClearSubscription(Action<IReadOnlyDictionary<string, Reading>> callback);
}
