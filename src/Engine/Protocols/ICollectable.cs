using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>Something whose data is collected in bulk ('collect') rather than read per event.</summary>
public interface ICollectable : IHasName
{
    /// <summary>Describes the data keys of the stream the collected data goes to.</summary>
    ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeCollectAsync(CancellationToken cancellationToken = default);
}
