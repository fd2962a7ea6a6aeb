using System.Globalization;
using System.Text;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;

namespace Hyperion.Cli.Ca;

/// <summary>Formats values the way EPICS base's caget, camonitor and cainfo print them.</summary>
internal static class CaOutput
{
    /// <summary>
    /// The elements of a value: one for scalars, "count v1 v2 ..." for arrays (when the PV is an array). Enums print
    /// their labels from the channel's metadata; floating-point values print as C's %g, as caget does by default.
    /// </summary>
    public static string Values(DbrValue value, PvMetadata? metadata, bool? array = null)
    {
        var forceArray = array ?? metadata?.ElementCount > 1;
        if (value.Count == 1 && !forceArray)
        {
            return Element(value, 0, metadata);
        }

        var sb = new StringBuilder().Append(value.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < value.Count; i++)
        {
            sb.Append(' ').Append(Element(value, i, metadata));
        }

        return sb.ToString();
    }

    /// <summary>One element as caget prints it.</summary>
    public static string Element(DbrValue value, int index, PvMetadata? metadata) => value.Values.GetValue(index) switch
    {
        ushort state when value.ValueType == DbrType.Enum && metadata is { EnumStrings.Count: > 0 } m && state < m.EnumStrings.Count => m.EnumStrings[state],
        double d => G(d),
        float f => G(f),
        _ => value.GetString(index),
    };

    /// <summary>C's %g: six significant digits, trailing zeros dropped, two-digit exponents.</summary>
    public static string G(double number)
    {
        if (double.IsNaN(number))
        {
            return "nan";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "inf" : "-inf";
        }

        var text = number.ToString("G6", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var mantissa = text[..e];
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{mantissa}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    /// <summary>caget's line: the name padded to 30 characters, then the value.</summary>
    public static string NameAndValue(string name, string text) => $"{name,-30} {text}";

    /// <summary>A time stamp as camonitor prints it (local time, microseconds).</summary>
    public static string Timestamp(EpicsTimestamp stamp) =>
        stamp.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The alarm columns camonitor appends when a value is in alarm.</summary>
    public static string Alarm(DbrValue value) =>
        value.Severity == AlarmSeverity.NoAlarm ? string.Empty : $" {StatusName(value.Status)} {SeverityName(value.Severity)}";

    /// <summary>EPICS's name of an alarm status, e.g. "HIGH".</summary>
    public static string StatusName(AlarmStatus status) => status switch
    {
        AlarmStatus.NoAlarm => "NO_ALARM",
        AlarmStatus.HiHi => "HIHI",
        AlarmStatus.LoLo => "LOLO",
        AlarmStatus.HwLimit => "HW_LIMIT",
        AlarmStatus.BadSub => "BAD_SUB",
        AlarmStatus.ReadAccess => "READ_ACCESS",
        AlarmStatus.WriteAccess => "WRITE_ACCESS",
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>EPICS's name of a severity, e.g. "MINOR".</summary>
    public static string SeverityName(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.NoAlarm => "NO_ALARM",
        _ => severity.ToString().ToUpperInvariant(),
    };

    /// <summary>The multi-line dump caget -d prints for a typed read.</summary>
    public static string Dump(string name, PvMetadata metadata, DbrType requested, DbrValue value)
    {
        var sb = new StringBuilder()
            .AppendLine(name)
            .AppendLine($"    Native data type: {DbrTypes.CName(metadata.NativeType).Replace("DBR_", "DBF_", StringComparison.Ordinal)}")
            .AppendLine($"    Request type:     {DbrTypes.CName(requested)}")
            .AppendLine($"    Element count:    {value.Count}")
            .AppendLine($"    Value:            {Values(value, metadata)}");
        var category = DbrTypes.CategoryOf(requested);
        if (category == DbrCategory.Time)
        {
            sb.AppendLine($"    Timestamp:        {Timestamp(value.Timestamp)}");
        }

        if (category is DbrCategory.Status or DbrCategory.Time or DbrCategory.Graphic or DbrCategory.Control)
        {
            sb.AppendLine($"    Status:           {StatusName(value.Status)}")
              .AppendLine($"    Severity:         {SeverityName(value.Severity)}");
        }

        if (category is DbrCategory.Graphic or DbrCategory.Control)
        {
            var valueType = DbrTypes.ValueTypeOf(requested);
            if (valueType == DbrType.Enum)
            {
                sb.AppendLine($"    Enums:            ({value.EnumStrings.Count})");
                for (var i = 0; i < value.EnumStrings.Count; i++)
                {
                    sb.AppendLine($"                      [{i,2}] {value.EnumStrings[i]}");
                }
            }
            else if (valueType != DbrType.String)
            {
                if (valueType is DbrType.Float or DbrType.Double)
                {
                    sb.AppendLine($"    Precision:        {value.Precision}");
                }

                var l = value.Limits;
                sb.AppendLine($"    Units:            {value.Units}")
                  .AppendLine($"    Lo disp limit:    {l.LowerDisplay.ToString(CultureInfo.InvariantCulture)}")
                  .AppendLine($"    Hi disp limit:    {l.UpperDisplay.ToString(CultureInfo.InvariantCulture)}")
                  .AppendLine($"    Lo alarm limit:   {l.LowerAlarm.ToString(CultureInfo.InvariantCulture)}")
                  .AppendLine($"    Lo warn limit:    {l.LowerWarning.ToString(CultureInfo.InvariantCulture)}")
                  .AppendLine($"    Hi warn limit:    {l.UpperWarning.ToString(CultureInfo.InvariantCulture)}")
                  .AppendLine($"    Hi alarm limit:   {l.UpperAlarm.ToString(CultureInfo.InvariantCulture)}");
                if (category == DbrCategory.Control)
                {
                    sb.AppendLine($"    Lo ctrl limit:    {l.LowerControl.ToString(CultureInfo.InvariantCulture)}")
                      .AppendLine($"    Hi ctrl limit:    {l.UpperControl.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        return sb.ToString();
    }
}
