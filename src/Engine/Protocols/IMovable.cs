using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Protocols;

/// <summary>Something the 'set' command moves or writes.</summary>
public interface IMovable
{
    /// <summary>Starts moving to <paramref name="value"/>; the status finishes when it arrives.</summary>
    Status Set(object? value);
}
