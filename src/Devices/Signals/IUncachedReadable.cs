using Hyperion.Engine.Protocols;

namespace Hyperion.Devices.Signals;

/// <summary>A readable that can bypass its cache.</summary>
public interface IUncachedReadable : IReadable
{
    /// <summary>Reads from the backend even while cached.</summary>
    ValueTask<IReadOnlyDictionary<string, Reading>> ReadUncachedAsync(CancellationToken cancellationToken = default);
}
