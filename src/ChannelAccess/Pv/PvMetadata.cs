using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Pv;

/// <summary>What a connected channel is: its native type and length, the client's rights, and its display metadata.</summary>
/// <param name="NativeType">The PV's own plain DBR type.</param>
/// <param name="ElementCount">The PV's element count (NELM).</param>
/// <param name="Rights">What this client may do.</param>
/// <param name="Units">Engineering units.</param>
/// <param name="Precision">Display precision.</param>
/// <param name="Limits">Display, alarm, warning and control limits.</param>
/// <param name="EnumStrings">Enum state strings (empty unless the PV is an enum).</param>
public sealed record PvMetadata(
    DbrType NativeType,
    int ElementCount,
    AccessRights Rights,
    string Units,
    short Precision,
    DbrLimits Limits,
    IReadOnlyList<string> EnumStrings)
{
    /// <summary>True when the client may read.</summary>
    public bool CanRead => Rights.HasFlag(AccessRights.Read);

    /// <summary>True when the client may write.</summary>
    public bool CanWrite => Rights.HasFlag(AccessRights.Write);
}
