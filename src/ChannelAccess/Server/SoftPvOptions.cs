using Hyperion.ChannelAccess.Protocol;

namespace Hyperion.ChannelAccess.Server;

/// <summary>How a <see cref="SoftPv"/> behaves beyond holding its value, in the terms of EPICS record fields.</summary>
public sealed record SoftPvOptions
{
    /// <summary>The maximum number of elements (NELM); by default the initial value's length, at least 1.</summary>
    public int? MaxElements { get; init; }

    /// <summary>True for a PV clients may read but not write (ACCESS_RIGHTS without write).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// Decides each client's rights, overriding <see cref="ReadOnly"/> (access security by user and host).
    /// </summary>
    public Func<ClientIdentity, AccessRights>? AccessRule { get; init; }

    /// <summary>
    /// The monitor deadband (MDEL) of numeric scalars: a change larger than this is a DBE_VALUE event; 0 posts every
    /// change, a negative value posts every set.
    /// </summary>
    public double MonitorDeadband { get; init; }

    /// <summary>The archive deadband (ADEL) of numeric scalars: a change larger than this is a DBE_LOG event.</summary>
    public double ArchiveDeadband { get; init; }

    /// <summary>Clamp written numbers to the drive limits (DRVL, DRVH: the value's control limits) when those are set.</summary>
    public bool ClampToDriveLimits { get; init; } = true;

    /// <summary>Processes writes instead of storing them directly (see <see cref="SoftPvWriteHandler"/>).</summary>
    public SoftPvWriteHandler? WriteHandler { get; init; }

    /// <summary>What DBR_CLASS_NAME reads return, as a record type name would be.</summary>
    public string ClassName { get; init; } = "soft";

    /// <summary>The clock that stamps new values.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
