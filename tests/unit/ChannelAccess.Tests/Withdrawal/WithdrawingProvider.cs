using Hyperion.ChannelAccess.Server;

namespace Hyperion.ChannelAccess.Tests.Withdrawal;

/// <summary>A provider whose PVs can be taken away and given back, as an IOC going down and coming up.</summary>
public sealed class WithdrawingProvider(IPvProvider inner) : IPvProvider
{
    private volatile string? _down;

    public event EventHandler<PvsWithdrawnEventArgs>? PvsWithdrawn;

    public IServerPv? Find(string name) => _down is { } down && name.StartsWith(down, StringComparison.Ordinal) ? null : inner.Find(name);

    public void TakeDown(string prefix)
    {
        _down = prefix;
        PvsWithdrawn?.Invoke(this, new PvsWithdrawnEventArgs(n => n.StartsWith(prefix, StringComparison.Ordinal), "test outage"));
    }

    public void BringBack() => _down = null;
}
