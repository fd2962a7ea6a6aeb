using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>Something the RunEngine can read into an event ('read').</summary>
public interface IReadable : IHasName
{
    /// <summary>Reads every data key.</summary>
    ValueTask<IReadOnlyDictionary<string, Reading>> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Describes every data key <see cref="ReadAsync"/> returns, in the same order.</summary>
    ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeAsync(CancellationToken cancellationToken = default);
}
