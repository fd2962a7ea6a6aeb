using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Protocols;

/// <summary>Something that acquires on 'trigger' (a detector).</summary>
public interface ITriggerable
{
    /// <summary>Starts an acquisition; the status finishes when the data can be read.</summary>
    Status Trigger();
}
