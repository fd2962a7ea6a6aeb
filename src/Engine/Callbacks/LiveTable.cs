using System.Globalization;
using System.Text;
using System.Text.Json;
using Hyperion.Engine.Documents;
using Hyperion.Engine.Serialization;

namespace Hyperion.Engine.Callbacks;

/// <summary>
/// Prints a run's events as a text table as they arrive (bluesky's <c>LiveTable</c>): a header on the first
/// descriptor of the watched stream, one row per event (sequence number, time, then each field formatted by its
/// data key's dtype and precision), the header again every <see cref="PrintHeaderInterval"/> rows, and a footer
/// with the plan, uid, scan id and exit status when the run stops. Event pages are unpacked into rows.
/// </summary>
/// <remarks>
/// <code>
/// +-----------+------------+------------+------------+
/// |   seq_num |       time |      motor |        det |
/// +-----------+------------+------------+------------+
/// |         1 | 12:34:56.7 |      0.000 |     0.6065 |
/// +-----------+------------+------------+------------+
/// generator scan ['1a2b3c4d'] (scan num: 7) (exit status: success)
/// </code>
/// Fields whose dtype cannot be shown in a cell (arrays) are left out, as in bluesky; a field an event lacks, or
/// whose external data is not filled, shows as a blank cell; a row that cannot be formatted prints a marker
/// instead of stopping the run.
/// </remarks>
public sealed class LiveTable : DocumentRouter
{
    private const string FailedRow = " failed to format row ";

    private readonly IReadOnlyList<string>? _fields;
    private readonly TextWriter _output;
    private readonly TimeZoneInfo _timeZone;
    private readonly HashSet<string> _descriptors = new(StringComparer.Ordinal);
    private readonly List<Column> _columns = [];
    private RunStart? _start;
    private string? _separator;
    private string _header = string.Empty;
    private int _count;

    /// <summary>Creates the table.</summary>
    /// <param name="fields">The data keys to show, in order; null or empty shows the run's hinted fields.</param>
    /// <param name="streamName">The stream whose events are shown.</param>
    /// <param name="printHeaderInterval">Reprint the header every this many rows.</param>
    /// <param name="minWidth">The minimum width of a data column, padding included.</param>
    /// <param name="defaultPrecision">Digits after the point when the data key gives no precision.</param>
    /// <param name="extraPad">Spaces on each side of a cell's text.</param>
    /// <param name="separatorLines">Write a blank line before the table and after the footer.</param>
    /// <param name="output">Where the table is written; defaults to <see cref="Console.Out"/>.</param>
    /// <param name="timeZone">The time zone of the time column; defaults to the local one.</param>
    public LiveTable(
        IEnumerable<string>? fields = null,
        string streamName = "primary",
        int printHeaderInterval = 50,
        int minWidth = 12,
        int defaultPrecision = 3,
        int extraPad = 1,
        bool separatorLines = true,
        TextWriter? output = null,
        TimeZoneInfo? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        ArgumentOutOfRangeException.ThrowIfLessThan(printHeaderInterval, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(minWidth);
        ArgumentOutOfRangeException.ThrowIfNegative(defaultPrecision);
        ArgumentOutOfRangeException.ThrowIfNegative(extraPad);
        var chosen = fields?.ToList();
        _fields = chosen is { Count: > 0 } ? chosen : null;
        StreamName = streamName;
        PrintHeaderInterval = printHeaderInterval;
        MinWidth = minWidth;
        DefaultPrecision = defaultPrecision;
        ExtraPad = extraPad;
        SeparatorLines = separatorLines;
        _output = output ?? Console.Out;
        _timeZone = timeZone ?? TimeZoneInfo.Local;
    }

    /// <summary>The stream whose events are shown.</summary>
    public string StreamName { get; }

    /// <summary>The header is reprinted every this many rows.</summary>
    public int PrintHeaderInterval { get; }

    /// <summary>The minimum width of a data column, padding included.</summary>
    public int MinWidth { get; }

    /// <summary>Digits after the point when the data key gives no precision.</summary>
    public int DefaultPrecision { get; }

    /// <summary>Spaces on each side of a cell's text.</summary>
    public int ExtraPad { get; }

    /// <summary>Whether a blank line precedes the table and follows the footer.</summary>
    public bool SeparatorLines { get; }

    /// <summary>The data keys shown by the current table (after the sequence number and time), empty before a descriptor.</summary>
    public IReadOnlyList<string> Columns => _columns.Where(c => c.Kind is not (CellKind.SeqNum or CellKind.Time)).Select(c => c.Key).ToList();

    /// <inheritdoc />
    protected override void Start(RunStart doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _start = doc;
        _separator = null;
        _descriptors.Clear();
        _columns.Clear();
    }

    /// <inheritdoc />
    protected override void Descriptor(EventDescriptor doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.Name != StreamName)
        {
            return;
        }

        _descriptors.Add(doc.Uid);
        _columns.Clear();
        _columns.Add(new Column("seq_num", "seq_num", 10 + ExtraPad, 0, CellKind.SeqNum));
        _columns.Add(new Column("time", "time", 10 + (2 * ExtraPad), 10, CellKind.Time));
        foreach (var key in _fields ?? HintedFields(doc))
        {
            if (!doc.DataKeys.TryGetValue(key, out var dataKey) || KindOf(dataKey.Dtype) is not { } kind)
            {
                continue;
            }

            var width = Math.Max(MinWidth, Math.Max(key.Length + 2, DefaultPrecision + 1 + (2 * ExtraPad)));
            var precision = kind switch
            {
                CellKind.Boolean => 5,
                CellKind.String => width - 1 - (2 * ExtraPad),
                _ => dataKey.Precision ?? DefaultPrecision,
            };
            _columns.Add(new Column(key, key, width, precision, kind));
        }

        _separator = "+" + string.Join('+', _columns.Select(c => new string('-', c.Width))) + "+";
        var pad = new string(' ', ExtraPad);
        _header = "|" + string.Join('|', _columns.Select(c => c.Heading.PadLeft(c.Width - ExtraPad) + pad)) + "|";
        _count = 0;
        if (SeparatorLines)
        {
            _output.WriteLine();
        }

        WriteHeader();
    }

    /// <inheritdoc />
    protected override void Event(Event doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (!_descriptors.Contains(doc.Descriptor))
        {
            return;
        }

        _count++;
        if (_count % PrintHeaderInterval == 0)
        {
            WriteHeader();
        }

        _output.WriteLine(FormatRow(doc) ?? FailedRow);
    }

    /// <inheritdoc />
    protected override void Stop(RunStop doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (_start is null || doc.RunStartUid != _start.Uid)
        {
            return;
        }

        if (_separator is not null)
        {
            _output.WriteLine(_separator);
        }

        var uid = _start.Uid[..Math.Min(8, _start.Uid.Length)];
        var planType = _start.GetString("plan_type") ?? string.Empty;
        var planName = _start.PlanName ?? string.Empty;
        var scanId = _start.GetString("scan_id") ?? "None";
        _output.WriteLine($"{planType} {planName} ['{uid}'] (scan num: {scanId}) (exit status: {doc.ExitStatus})");
        if (SeparatorLines)
        {
            _output.WriteLine();
        }

        _start = null;
    }

    private void WriteHeader()
    {
        _output.WriteLine(_separator);
        _output.WriteLine(_header);
        _output.WriteLine(_separator);
    }

    private string? FormatRow(Event doc)
    {
        var row = new StringBuilder("|");
        var pad = new string(' ', ExtraPad);
        foreach (var column in _columns)
        {
            string? text;
            if (column.Kind == CellKind.SeqNum)
            {
                text = doc.SeqNum.ToString(CultureInfo.InvariantCulture);
            }
            else if (column.Kind == CellKind.Time)
            {
                text = FormatTime(doc.Time);
            }
            else if (!doc.Data.TryGetValue(column.Key, out var value) || !IsFilled(doc, column.Key))
            {
                row.Append(' ', column.Width).Append('|');
                continue;
            }
            else
            {
                text = FormatValue(value, column);
            }

            if (text is null)
            {
                return null;
            }

            row.Append(pad).Append(text.PadLeft(column.Width - (2 * ExtraPad))).Append(pad).Append('|');
        }

        return row.ToString();
    }

    private static bool IsFilled(Event doc, string key) =>
        !doc.Filled.TryGetValue(key, out var filled) || filled is not false && !(filled is JsonElement { ValueKind: JsonValueKind.False });

    private string FormatTime(double unixSeconds)
    {
        var utc = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(unixSeconds * TimeSpan.TicksPerSecond));
        var local = TimeZoneInfo.ConvertTime(utc, _timeZone);
        return local.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)[..10];
    }

    /// <summary>Formats as Python's format spec for the column would; null when the value does not fit its dtype.</summary>
    private static string? FormatValue(object? value, Column column)
    {
        if (value is bool b || value is JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False })
        {
            var text = value is bool flag ? flag : ((JsonElement)value).GetBoolean();
            return Truncate(text ? "True" : "False", column.Kind is CellKind.String or CellKind.Boolean ? column.Precision : int.MaxValue);
        }

        switch (column.Kind)
        {
            case CellKind.Number:
                return MetadataValues.AsDouble(value) is { } number ? FormatNumber(number, column.Precision) : null;
            case CellKind.Integer:
                // Python's 'd' format refuses floats, even whole ones.
                var isFloat = value is double or float or decimal
                    || (value is JsonElement { ValueKind: JsonValueKind.Number } element && !element.TryGetInt64(out _));
                return isFloat ? null : MetadataValues.AsInt64(value)?.ToString(CultureInfo.InvariantCulture);
            default:
                return Truncate(MetadataValues.AsString(value) ?? "None", column.Precision);
        }
    }

    private static string FormatNumber(double number, int precision) => number switch
    {
        double.NaN => "nan",
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => number.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private List<string> HintedFields(EventDescriptor descriptor)
    {
        var fields = new List<string>();
        foreach (var dimension in StartHints()?.Dimensions ?? [])
        {
            if (dimension.Stream == descriptor.Name)
            {
                fields.AddRange(dimension.Fields);
            }
        }

        foreach (var hints in descriptor.Hints.Values)
        {
            fields.AddRange(hints.Fields ?? []);
        }

        if (fields.Count == 0)
        {
            // Nothing hinted: show every field that fits in a cell, as a plain table of the stream.
            fields.AddRange(descriptor.DataKeys.Where(p => !p.Value.IsExternal).Select(p => p.Key));
        }

        return fields.Distinct(StringComparer.Ordinal).ToList();
    }

    private Hints? StartHints()
    {
        if (_start is null || !_start.Metadata.TryGetValue("hints", out var hints) || hints is null)
        {
            return null;
        }

        if (hints is Hints typed)
        {
            return typed;
        }

        try
        {
            return JsonSerializer.SerializeToElement(hints, hints.GetType(), DocumentJson.Options).Deserialize<Hints>(DocumentJson.Options);
        }
        catch (JsonException)
        {
            // Run hints that are not event-model's shape cannot choose columns; the descriptor's hints still do.
            return null;
        }
    }

    private static CellKind? KindOf(string dtype) => dtype switch
    {
        "number" => CellKind.Number,
        "integer" => CellKind.Integer,
        "string" => CellKind.String,
        "boolean" => CellKind.Boolean,
        _ => null,
    };

    private enum CellKind
    {
        SeqNum,
        Time,
        Number,
        Integer,
        String,
        Boolean,
    }

    private sealed record Column(string Key, string Heading, int Width, int Precision, CellKind Kind);
}
