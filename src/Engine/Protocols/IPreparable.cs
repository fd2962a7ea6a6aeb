using Hyperion.Engine.Statuses;

namespace Hyperion.Engine.Protocols;

/// <summary>Something that is set up for a fly scan or acquisition by 'prepare'.</summary>
public interface IPreparable
{
    /// <summary>Prepares with <paramref name="value"/> (e.g. a TriggerInfo or a fly motor's path).</summary>
    Status Prepare(object? value);
}
