namespace Hyperion.Engine.Protocols;

/// <summary>Something the 'configure' command can change; the RunEngine then re-emits affected descriptors.</summary>
public interface IReconfigurable : IConfigurable
{
    /// <summary>Applies <paramref name="settings"/>; returns the configuration before and after.</summary>
    ValueTask<(IReadOnlyDictionary<string, Reading> Old, IReadOnlyDictionary<string, Reading> New)> ConfigureAsync(
        IReadOnlyDictionary<string, object?> settings, CancellationToken cancellationToken = default);
}
