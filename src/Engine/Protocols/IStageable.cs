using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Protocols;

/// <summary>Something with set-up before a run and tear-down after it ('stage'/'unstage').</summary>
public interface IStageable
{
    /// <summary>Prepares the object for use in a run.</summary>
    Status Stage();

    /// <summary>Returns the object to its resting state.</summary>
    Status Unstage();
}
