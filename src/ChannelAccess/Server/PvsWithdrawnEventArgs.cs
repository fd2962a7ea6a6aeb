namespace Hyperion.ChannelAccess.Server;

/// <summary>Which PVs a provider stopped serving (see <see cref="IPvProvider.PvsWithdrawn"/>).</summary>
/// <param name="matches">True for the name of each PV withdrawn.</param>
/// <param name="reason">Why, for logs and disconnect reasons (e.g. "fault: pv_disconnect BL03S-MO-SGON-01:*").</param>
public sealed class PvsWithdrawnEventArgs(Func<string, bool> matches, string reason) : EventArgs
{
    /// <summary>True for the name of each PV withdrawn.</summary>
    public Func<string, bool> Matches { get; } = matches ?? throw new ArgumentNullException(nameof(matches));

    /// <summary>Why.</summary>
    public string Reason { get; } = reason ?? string.Empty;
}
