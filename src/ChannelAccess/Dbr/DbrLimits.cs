namespace Hyperion.ChannelAccess.Dbr;

/// <summary>The limits carried by graphic and control DBR types, in the order EPICS lays them out.</summary>
public sealed record DbrLimits
{
    /// <summary>Upper display limit (HOPR).</summary>
    public double UpperDisplay { get; init; }

    /// <summary>Lower display limit (LOPR).</summary>
    public double LowerDisplay { get; init; }

    /// <summary>Upper alarm limit (HIHI).</summary>
    public double UpperAlarm { get; init; }

    /// <summary>Upper warning limit (HIGH).</summary>
    public double UpperWarning { get; init; }

    /// <summary>Lower warning limit (LOW).</summary>
    public double LowerWarning { get; init; }

    /// <summary>Lower alarm limit (LOLO).</summary>
    public double LowerAlarm { get; init; }

    /// <summary>Upper control (drive) limit (DRVH).</summary>
    public double UpperControl { get; init; }

    /// <summary>Lower control (drive) limit (DRVL).</summary>
    public double LowerControl { get; init; }

    /// <summary>All limits zero, as EPICS reports them when unset.</summary>
    public static DbrLimits None { get; } = new();
}
