using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Contract;

/// <summary>
/// The contract's PV source as an <see cref="IPvProvider"/>: give it to our CA server (or any server taking a
/// provider) and point the client under test at that server. Each PV is a <see cref="ContractServerPv"/>.
/// </summary>
public sealed class ProviderPvSource : IContractPvSource, IPvProvider
{
    private readonly Dictionary<string, ContractServerPv> _pvs = new(StringComparer.Ordinal);
    private readonly Func<ValueTask>? _onDispose;

    /// <summary>Creates the source; <paramref name="onDispose"/> stops whatever serves it.</summary>
    public ProviderPvSource(Func<ValueTask>? onDispose = null) => _onDispose = onDispose;

    public IServerPv? Find(string name)
    {
        lock (_pvs)
        {
            return _pvs.GetValueOrDefault(name);
        }
    }

    public void CreatePv(string name, DbrValue initial, int? maxElements = null)
    {
        lock (_pvs)
        {
            _pvs[name] = new ContractServerPv(name, initial, maxElements ?? Math.Max(1, initial.Count));
        }
    }

    public void SetValue(string name, DbrValue value) => Pv(name).Set(value);

    public DbrValue GetValue(string name) => Pv(name).Read();

    public void SetReadOnly(string name, bool readOnly) => Pv(name).ReadOnly = readOnly;

    public void SetCompletesLate(string name, bool late) => Pv(name).CompletesLate = late;

    public Task WaitForPendingWriteAsync(string name, TimeSpan timeout) => Pv(name).WaitForPendingWriteAsync(timeout);

    public void CompletePendingWrites(string name) => Pv(name).CompletePendingWrites();

    public ValueTask DisposeAsync() => _onDispose?.Invoke() ?? ValueTask.CompletedTask;

    private ContractServerPv Pv(string name)
    {
        lock (_pvs)
        {
            return _pvs[name];
        }
    }
}
