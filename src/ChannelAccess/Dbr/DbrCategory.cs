namespace Hyperion.ChannelAccess.Dbr;

/// <summary>What metadata a DBR type carries before its values.</summary>
public enum DbrCategory
{
    /// <summary>Values only.</summary>
    Plain,
    /// <summary>Alarm status and severity.</summary>
    Status,
    /// <summary>Alarm status, severity and timestamp.</summary>
    Time,
    /// <summary>Graphic: status, severity, units, precision, display, alarm and warning limits (enum: the state strings).</summary>
    Graphic,
    /// <summary>Control: graphic plus control limits.</summary>
    Control,
    /// <summary>The alarm-acknowledgement and class-name types (35 to 38).</summary>
    Special,
}
