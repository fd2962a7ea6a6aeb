using Hyperion.ChannelAccess.Client;
using Hyperion.ChannelAccess.Pv;
using Hyperion.ChannelAccess.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hyperion.ChannelAccess.InProcess;

/// <summary>
/// An <see cref="IPvClient"/> that talks straight to an <see cref="IPvProvider"/> in the same process, without
/// sockets, behaving as <see cref="CaClient"/> does against a <see cref="CaServer"/> serving that provider: the same
/// conversions (shared with the server), the same DBR encoding of every reply, the same errors.
/// <para>
/// A channel whose PV the provider does not have stays Disconnected, as an unanswered CA search does, and the
/// client looks for it again every <see cref="InProcessPvClientOptions.SearchPeriod"/> on its
/// <see cref="TimeProvider"/>; <see cref="SearchNow"/> looks at once (for a test driving a fake clock, or after
/// adding PVs). A connected channel disconnects when its provider withdraws the PV
/// (<see cref="IPvProvider.PvsWithdrawn"/>), as a CA channel does on SERVER_DISCONN, and reconnects when it is back.
/// </para>
/// </summary>
public sealed class InProcessPvClient : IPvClient
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, InProcessPvChannel> _channels = new(StringComparer.Ordinal);
    private readonly ITimer _searchTimer;
    private readonly CancellationTokenSource _shutdown = new();
    private bool _disposed;

    /// <summary>Creates the client for the PVs of <paramref name="provider"/>.</summary>
    /// <param name="provider">The PVs reachable.</param>
    /// <param name="options">Settings; the defaults suit tests and the twin.</param>
    /// <param name="timeProvider">The clock for connection time-outs and the search period (default: the system's).</param>
    /// <param name="loggerFactory">Where problems are reported.</param>
    public InProcessPvClient(IPvProvider provider, InProcessPvClientOptions? options = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Options = options ?? new InProcessPvClientOptions();
        Options.Validate();
        Provider = provider;
        Time = timeProvider ?? TimeProvider.System;
        Logger = (ILogger?)loggerFactory?.CreateLogger<InProcessPvClient>() ?? NullLogger.Instance;
        Identity = new ClientIdentity(Options.UserName, Options.HostName, null);
        ShutdownToken = _shutdown.Token;
        Provider.PvsWithdrawn += OnPvsWithdrawn;
        _searchTimer = Time.CreateTimer(static state => ((InProcessPvClient)state!).SearchNow(), this, Options.SearchPeriod, Options.SearchPeriod);
    }

    /// <summary>The settings.</summary>
    public InProcessPvClientOptions Options { get; }

    /// <summary>Who this client is to the provider (for <see cref="IServerPv.RightsFor"/> and writes).</summary>
    public ClientIdentity Identity { get; }

    internal IPvProvider Provider { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    /// <summary>Cancelled when the client is disposed: what a CA server does to writes in progress when its circuit goes.</summary>
    internal CancellationToken ShutdownToken { get; }

    /// <summary>The channel for <paramref name="pvName"/> (the same name gives the same channel while it is open); it connects in the background.</summary>
    public InProcessPvChannel Channel(string pvName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pvName);

        // The same names are accepted as by the CA client, so code cannot come to rely on longer ones here.
        if (!SearchScheduler.FitsInDatagram(pvName))
        {
            throw new ArgumentException($"The PV name '{pvName[..Math.Min(40, pvName.Length)]}...' is too long to search for.", nameof(pvName));
        }

        InProcessPvChannel channel;
        lock (_sync)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_channels.TryGetValue(pvName, out var existing))
            {
                return existing;
            }

            channel = new InProcessPvChannel(this, pvName);
            _channels[pvName] = channel;
        }

        // Connect off the caller's thread, as a CA search is answered later: a StateChanged handler attached right
        // after this call still hears Connected.
        ThreadPool.UnsafeQueueUserWorkItem(static c => c.TryConnect(), channel, preferLocal: false);
        return channel;
    }

    /// <inheritdoc />
    IPvChannel IPvClient.Channel(string pvName) => Channel(pvName);

    /// <summary>Looks for the PVs of every channel not yet connected now, instead of at the next search period.</summary>
    public void SearchNow()
    {
        List<InProcessPvChannel> searching;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            searching = [.. _channels.Values.Where(c => c.State == PvConnectionState.Disconnected)];
        }

        foreach (var channel in searching)
        {
            channel.TryConnect();
        }
    }

    private void OnPvsWithdrawn(object? sender, PvsWithdrawnEventArgs e)
    {
        List<InProcessPvChannel> dropped;
        lock (_sync)
        {
            dropped = [.. _channels.Values.Where(c => e.Matches(c.Name))];
        }

        foreach (var channel in dropped)
        {
            channel.Drop(e.Reason);
        }
    }

    /// <summary>Closes every channel (pending puts fail with ECA_CHANDESTROY, subscriptions end) and stops searching.</summary>
    public async ValueTask DisposeAsync()
    {
        List<InProcessPvChannel> channels;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Provider.PvsWithdrawn -= OnPvsWithdrawn;
            channels = [.. _channels.Values];
            _channels.Clear();
        }

        await _searchTimer.DisposeAsync().ConfigureAwait(false);
        foreach (var channel in channels)
        {
            channel.Close();
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>Forgets a closed channel, so that its name gives a new one.</summary>
    internal void Remove(InProcessPvChannel channel)
    {
        lock (_sync)
        {
            if (_channels.TryGetValue(channel.Name, out var current) && current == channel)
            {
                _channels.Remove(channel.Name);
            }
        }
    }
}
