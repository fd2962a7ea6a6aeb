namespace Hyperion.FakeZocalo.Messages;

/// <summary>The <c>event</c> of a trigger message.</summary>
public enum TriggerEvent
{
    /// <summary>A collection (or a chunk of one) has started: its frames are coming.</summary>
    Start,

    /// <summary>The collection has ended: no more frames.</summary>
    End,
}
