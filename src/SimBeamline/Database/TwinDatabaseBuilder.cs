using System.Globalization;
using System.Text;
using Hyperion.Devices.Beamlines;
using Hyperion.Devices.Core;
using Hyperion.Devices.Motors;
using Hyperion.Devices.Signals;

namespace Hyperion.SimBeamline.Database;

/// <summary>
/// Works out the twin's EPICS database from the devices themselves: a motor record for every <see cref="Motor"/>,
/// and for every other PV-backed signal a record whose type carries the signal's datatype (ao/ai for numbers,
/// longout/longin, bo/bi, stringout/stringin or a CHAR waveform for long strings, mbbo/mbbi with the enum's labels,
/// waveforms for arrays). A setpoint with a separate readback PV gets an OUT link to it, so the readback follows
/// as an IOC's would. Built from the same definitions the devices use, so every PV a device opens exists.
/// </summary>
public sealed class TwinDatabaseBuilder
{
    private const int MaxMultiBitStates = 16;
    private static readonly string[] StateFields = ["ZR", "ON", "TW", "TH", "FR", "FV", "SX", "SV", "EI", "NI", "TE", "EL", "TV", "TT", "FT", "FF"];
    private readonly Dictionary<string, TwinRecord> _records = new(StringComparer.Ordinal);
    private readonly MotorDefaults _motorDefaults;
    private readonly IReadOnlyDictionary<string, double> _startingPositions;

    /// <summary>
    /// Creates the builder; motors start with <paramref name="motorDefaults"/>, at <see cref="StartingPositions"/>, and
    /// those named in <paramref name="startingPositions"/> (full record names) where it says.
    /// </summary>
    public TwinDatabaseBuilder(MotorDefaults? motorDefaults = null, IReadOnlyDictionary<string, double>? startingPositions = null)
    {
        _motorDefaults = motorDefaults ?? new MotorDefaults();
        _startingPositions = startingPositions ?? new Dictionary<string, double>();
    }

    /// <summary>The records so far, by name.</summary>
    public IReadOnlyDictionary<string, TwinRecord> Records => _records;

    /// <summary>Adds the records for every device of <paramref name="beamline"/> (absent devices excluded).</summary>
    public TwinDatabaseBuilder Add(Beamline beamline)
    {
        ArgumentNullException.ThrowIfNull(beamline);
        foreach (var device in beamline.All())
        {
            Add(device);
        }

        return this;
    }

    /// <summary>Adds the records for <paramref name="device"/> and everything below it.</summary>
    public TwinDatabaseBuilder Add(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var tree = new List<Device> { device };
        tree.AddRange(device.Descendants());
        var motorSignals = new HashSet<Signal>();
        foreach (var motor in tree.OfType<Motor>())
        {
            AddMotor(motor);
            motorSignals.UnionWith(motor.Descendants().OfType<Signal>());
        }

        var signals = tree.OfType<Signal>().Where(s => !motorSignals.Contains(s)).Select(s => s.Info).ToList();

        // Setpoints first, so a PV both written and read becomes an output record.
        foreach (var info in signals)
        {
            if (Pv(info.WriteSource) is { } write)
            {
                var read = Pv(info.ReadSource);
                Require(write, output: true, info, linkTo: read is not null && read != write ? read : null);
            }
        }

        foreach (var info in signals)
        {
            if (Pv(info.ReadSource) is { } read && read != Pv(info.WriteSource))
            {
                Require(read, output: false, info, linkTo: null);
            }
        }

        return this;
    }

    /// <summary>The database as .db text, records in name order.</summary>
    public string ToDbText()
    {
        var text = new StringBuilder();
        text.AppendLine("# The Hyperion twin's records, generated from the device definitions (src/Devices).");
        foreach (var record in _records.Values.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            text.Append("# ").AppendLine(record.Source);
            text.Append("record(").Append(record.Type).Append(", \"").Append(record.Name).AppendLine("\") {");
            foreach (var (field, value) in record.Fields)
            {
                text.Append("    field(").Append(field).Append(", \"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).AppendLine("\")");
            }

            text.AppendLine("}");
        }

        return text.ToString();
    }

    private static string? Pv(string? source) =>
        source is not null && source.StartsWith("ca://", StringComparison.Ordinal) ? source[5..] : null;

    private static (string Record, string? Field) Split(string pv)
    {
        var dot = pv.LastIndexOf('.');
        return dot > 0 && dot < pv.Length - 1 && pv[(dot + 1)..].All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c))
            ? (pv[..dot], pv[(dot + 1)..])
            : (pv, null);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool IsLongString(string pv) =>
        pv.Contains("PATH", StringComparison.OrdinalIgnoreCase) || pv.Contains("FILE", StringComparison.OrdinalIgnoreCase) ||
        pv.Contains("NAME", StringComparison.OrdinalIgnoreCase) || pv.Contains("DIR", StringComparison.OrdinalIgnoreCase) ||
        pv.Contains("URL", StringComparison.OrdinalIgnoreCase) || pv.Contains("BARCODE", StringComparison.OrdinalIgnoreCase);

    private static string Ftvl(string dtypeNumpy) => dtypeNumpy switch
    {
        "<f4" => "FLOAT",
        "<i4" or "<u4" => "LONG",
        "<i2" or "<u2" => "SHORT",
        "|u1" or "|b1" => "UCHAR",
        "|S40" => "STRING",
        _ => "DOUBLE",
    };

    /// <summary>
    /// Where axes whose zero means nothing start (their VAL in the database, as an IOC restores it): the DCM at 12.7 keV,
    /// the detector 250 mm from the sample.
    /// </summary>
    public static IReadOnlyDictionary<string, double> StartingPositions { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["-MO-DCM-01:ENERGY"] = 12.7,
        ["-MO-DET-01:Z"] = 250,
    };

    /// <summary>
    /// Where read-backs whose zero would block a collection start: the XBPM feedback holding the beam stable and in
    /// position, as it does on a beamline with beam; and the Zebra's position-compare settings that i03's saved
    /// configuration holds and Hyperion's set-ups leave alone (one gate, one time pulse per gate to start the
    /// detector's series; the auto-shutter gate AND2 with both its inputs enabled, which Hyperion wires but never
    /// enables).
    /// </summary>
    public static IReadOnlyDictionary<string, double> StartingValues { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["-EA-FDBK-01:XBPM2_STABLE"] = 1,
        ["-EA-FDBK-01:XBPM2POSITION_OK"] = 1,
        ["-EA-ZEBRA-01:PC_GATE_NGATE"] = 1,
        ["-EA-ZEBRA-01:PC_PULSE_SEL"] = 1,
        ["-EA-ZEBRA-01:PC_PULSE_WID"] = 0.01,
        ["-EA-ZEBRA-01:PC_PULSE_STEP"] = 0.02,
        ["-EA-ZEBRA-01:PC_PULSE_MAX"] = 1,
        ["-EA-ZEBRA-01:AND2_ENA"] = 3,
    };

    private void AddMotor(Motor motor)
    {
        var setpoint = Pv(motor.UserSetpoint.Info.WriteSource)!;
        var (name, _) = Split(setpoint);
        var d = _motorDefaults;
        _records.TryAdd(name, new TwinRecord("motor", name,
        [
            new("EGU", d.Units), new("PREC", d.Precision.ToString(CultureInfo.InvariantCulture)), new("MRES", Number(d.Resolution)),
            new("VELO", Number(d.Velocity)), new("VMAX", Number(d.MaxVelocity)), new("ACCL", Number(d.Acceleration)),
            new("DHLM", Number(d.HighLimit)), new("DLLM", Number(d.LowLimit)),
            .. _startingPositions.TryGetValue(name, out var start)
                ? [new KeyValuePair<string, string>("VAL", Number(start))]
                : StartingPositions.Where(p => name.EndsWith(p.Key, StringComparison.Ordinal)).Select(p => new KeyValuePair<string, string>("VAL", Number(p.Value))),
        ], motor.Name));
    }

    private void Require(string pv, bool output, SignalInfo info, string? linkTo)
    {
        var (name, field) = Split(pv);

        // A field other than VAL (PROC, DISP, ...) exists on whatever record carries it; bit fields B0..BF are an
        // mbbiDirect's (filter states, GPIO registers).
        if (field is not null and not "VAL")
        {
            var carrier = field.Length == 2 && field[0] == 'B' && Uri.IsHexDigit(field[1]) ? "mbbiDirect" : "longout";
            _records.TryAdd(name, new TwinRecord(carrier, name, [], $"{info.Name} ({field})"));
            return;
        }

        if (_records.ContainsKey(name))
        {
            return;
        }

        var fields = new List<KeyValuePair<string, string>>();
        var type = info.Kind switch
        {
            SignalValueKind.Number => Numeric(output ? "ao" : "ai", fields),
            SignalValueKind.Integer => output ? "longout" : "longin",
            SignalValueKind.Boolean => Binary(output ? "bo" : "bi", fields),
            SignalValueKind.String when IsLongString(pv) => CharWaveform(fields),
            SignalValueKind.String => output ? "stringout" : "stringin",
            SignalValueKind.Enum when info.Choices is { Count: <= MaxMultiBitStates } choices => MultiBit(output ? "mbbo" : "mbbi", choices, fields),
            SignalValueKind.Enum => output ? "stringout" : "stringin",
            _ => Waveform(info, fields),
        };
        if (linkTo is not null && type is "ao" or "longout" or "bo" or "mbbo" or "stringout")
        {
            fields.Add(new("OUT", $"{linkTo} PP"));
        }

        foreach (var (suffix, value) in StartingValues)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                fields.Add(new("VAL", Number(value)));
            }
        }

        _records[name] = new TwinRecord(type, name, fields, info.Name);
    }

    private static string Numeric(string type, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("PREC", "4"));
        return type;
    }

    private static string Binary(string type, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("ZNAM", "0"));
        fields.Add(new("ONAM", "1"));
        return type;
    }

    private static string MultiBit(string type, IReadOnlyList<string> choices, List<KeyValuePair<string, string>> fields)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            fields.Add(new(StateFields[i] + "ST", choices[i]));
            fields.Add(new(StateFields[i] + "VL", i.ToString(CultureInfo.InvariantCulture)));
        }

        return type;
    }

    private static string CharWaveform(List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("FTVL", "CHAR"));
        fields.Add(new("NELM", "256"));
        return "waveform";
    }

    private static string Waveform(SignalInfo info, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("FTVL", Ftvl(info.DtypeNumpy)));
        fields.Add(new("NELM", "4096"));
        return "waveform";
    }
}
