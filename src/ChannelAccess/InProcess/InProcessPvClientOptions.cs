namespace Hyperion.ChannelAccess.InProcess;

/// <summary>Settings of an <see cref="InProcessPvClient"/>.</summary>
public sealed record InProcessPvClientOptions
{
    /// <summary>
    /// How often channels whose PV the provider does not (yet) have look for it again. A CA search backs off up to
    /// minutes; here a lookup is a dictionary probe, so a short fixed period keeps late PVs connecting promptly.
    /// </summary>
    public TimeSpan SearchPeriod { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The largest reply or write, in bytes of its DBR encoding (the server's EPICS_CA_MAX_ARRAY_BYTES): a larger
    /// read fails with ECA_TOLARGE and a larger write is refused with it, as through a <see cref="Server.CaServer"/>
    /// with the same limit.
    /// </summary>
    public int MaxArrayBytes { get; init; } = Server.CaServerOptions.DefaultMaxArrayBytes;

    /// <summary>The user name the provider sees (<see cref="Server.ClientIdentity.UserName"/>), for its access rights.</summary>
    public string UserName { get; init; } = Environment.UserName;

    /// <summary>The host name the provider sees (<see cref="Server.ClientIdentity.HostName"/>), for its access rights.</summary>
    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting that is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SearchPeriod, TimeSpan.Zero, nameof(SearchPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxArrayBytes, nameof(MaxArrayBytes));
        ArgumentNullException.ThrowIfNull(UserName, nameof(UserName));
        ArgumentNullException.ThrowIfNull(HostName, nameof(HostName));
    }
}
