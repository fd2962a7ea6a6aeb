using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Composition;

/// <summary>A descriptor together with what is needed to compose its events (event-model's ComposeDescriptorBundle).</summary>
public sealed class ComposedStream
{
    internal ComposedStream(EventDescriptor descriptor)
    {
        Descriptor = descriptor;
        var streamKeys = new HashSet<string>(StringComparer.Ordinal);
        var eventKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, dataKey) in descriptor.DataKeys)
        {
            (dataKey.IsStream ? streamKeys : eventKeys).Add(key);
        }

        EventKeys = eventKeys;
        StreamKeys = streamKeys;
    }

    /// <summary>The descriptor document.</summary>
    public EventDescriptor Descriptor { get; }

    /// <summary>The stream name.</summary>
    public string Name => Descriptor.Name;

    /// <summary>Data keys that appear in events (all but "STREAM:" keys).</summary>
    public IReadOnlySet<string> EventKeys { get; }

    /// <summary>Data keys whose data lives in stream resources.</summary>
    public IReadOnlySet<string> StreamKeys { get; }
}
