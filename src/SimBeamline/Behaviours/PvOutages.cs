using System.Text.RegularExpressions;
using Hyperion.ChannelAccess.Server;

namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// The twin's PVs as clients reach them, with outages: while a name pattern is down (an IOC crashed, a network
/// switch failed) its PVs are not found, so searches go unanswered, and channels already connected are dropped
/// (SERVER_DISCONN over Channel Access, Disconnected in-process); when the outage ends, clients find them again.
/// Patterns are PV names with <c>*</c> and <c>?</c> wildcards (<c>BL03S-MO-SGON-01:*</c> is the smargon's IOC).
/// </summary>
public sealed class PvOutages(IPvProvider inner) : IPvProvider
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Regex> _down = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public event EventHandler<PvsWithdrawnEventArgs>? PvsWithdrawn;

    /// <summary>The patterns down now.</summary>
    public IReadOnlyList<string> Down
    {
        get
        {
            lock (_sync)
            {
                return [.. _down.Keys];
            }
        }
    }

    /// <inheritdoc/>
    public IServerPv? Find(string name) => IsDown(name) ? null : inner.Find(name);

    /// <summary>True while <paramref name="name"/> is in an outage.</summary>
    public bool IsDown(string name)
    {
        lock (_sync)
        {
            foreach (var pattern in _down.Values)
            {
                if (pattern.IsMatch(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Takes the PVs matching <paramref name="pattern"/> down and drops the channels connected to them.</summary>
    /// <exception cref="ArgumentException">The pattern is empty.</exception>
    public void Disconnect(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var regex = ToRegex(pattern);
        lock (_sync)
        {
            _down[pattern] = regex;
        }

        PvsWithdrawn?.Invoke(this, new PvsWithdrawnEventArgs(regex.IsMatch, $"fault: pv_disconnect {pattern}"));
    }

    /// <summary>Ends the outage of <paramref name="pattern"/>; false when it was not down.</summary>
    public bool Reconnect(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_sync)
        {
            return _down.Remove(pattern);
        }
    }

    private static Regex ToRegex(string pattern) =>
        new($"^{Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal)}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
