using Hyperion.Engine.Documents;

namespace Hyperion.Engine.Protocols;

/// <summary>Something whose configuration is recorded in each descriptor of the streams it appears in.</summary>
public interface IConfigurable
{
    /// <summary>Reads the configuration values.</summary>
    ValueTask<IReadOnlyDictionary<string, Reading>> ReadConfigurationAsync(CancellationToken cancellationToken = default);

    /// <summary>Describes the configuration values.</summary>
    ValueTask<IReadOnlyDictionary<string, DataKey>> DescribeConfigurationAsync(CancellationToken cancellationToken = default);
}
