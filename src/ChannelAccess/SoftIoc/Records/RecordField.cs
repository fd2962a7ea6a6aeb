using System.Globalization;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Protocol;
using Hyperion.ChannelAccess.Server;
using Hyperion.ChannelAccess.SoftIoc.Database;
using Hyperion.ChannelAccess.SoftIoc.Links;

namespace Hyperion.ChannelAccess.SoftIoc.Records;

/// <summary>
/// One field of one record: its definition (type, size, menu, flags) and its value. Numbers (and enum and menu
/// indexes) are held as doubles coerced to the field type, strings and links as text, and an array field (a
/// waveform's VAL) as an array of the element type with a current length. Values change only under the
/// database's lock; the field reports its changes to the monitors subscribed to it.
/// </summary>
public sealed class RecordField
{
    private double _number;
    private string _text = string.Empty;
    private Array? _array;
    private int _length;
    private Subscription[] _subscriptions = [];
    private Action<EventMask>? _listeners;

    internal RecordField(Record record, string name, FieldType type, FieldFlags flags, int size, RecordMenu? menu)
    {
        Record = record;
        Name = name;
        Type = type;
        Flags = flags;
        Size = size;
        Menu = menu;
        NativeType = NativeTypeOf(type);
        if (IsLink)
        {
            Link = DbLink.Empty;
        }
    }

    /// <summary>The record the field belongs to.</summary>
    public Record Record { get; }

    /// <summary>The field name (e.g. "VAL").</summary>
    public string Name { get; }

    /// <summary>The storage type.</summary>
    public FieldType Type { get; }

    /// <summary>The field's behaviour flags.</summary>
    public FieldFlags Flags { get; }

    /// <summary>For a string field, its size in bytes with the terminating NUL (it holds Size - 1 characters).</summary>
    public int Size { get; }

    /// <summary>The menu of a menu or device field.</summary>
    public RecordMenu? Menu { get; }

    /// <summary>True when clients may not write the field (SPC_NOMOD).</summary>
    public bool IsReadOnly => (Flags & FieldFlags.ReadOnly) != 0;

    /// <summary>True when a client write processes a Passive record (pp(TRUE)).</summary>
    public bool ProcessesPassive => (Flags & FieldFlags.ProcessPassive) != 0;

    /// <summary>True for a metadata field (prop(YES)).</summary>
    public bool IsProperty => (Flags & FieldFlags.Property) != 0;

    /// <summary>True for an input, output or forward link.</summary>
    public bool IsLink => Type is FieldType.InLink or FieldType.OutLink or FieldType.FwdLink;

    /// <summary>True for an array field.</summary>
    public bool IsArray => _array is not null;

    /// <summary>The plain DBR type the field is served as.</summary>
    public DbrType NativeType { get; private set; }

    /// <summary>The most elements the field holds (1 for scalars).</summary>
    public int Capacity => _array?.Length ?? 1;

    /// <summary>The current element count (NORD for a waveform; 1 for scalars).</summary>
    public int Length => _array is null ? 1 : _length;

    /// <summary>The value of a numeric, enum or menu field.</summary>
    public double Number => _number;

    /// <summary>The value of a string field, or a link's text.</summary>
    public string Text => _text;

    /// <summary>A link field's parsed link (null for other fields).</summary>
    public DbLink? Link { get; private set; }

    /// <summary>The field a database link resolved to (null when unresolved or not a database link).</summary>
    internal RecordField? LinkTarget { get; set; }

    internal bool HasSubscribers => _subscriptions.Length > 0;

    /// <summary>The value as text (a menu's choice, a number in invariant culture, a link's text).</summary>
    public string FormatValue()
    {
        if (IsArray)
        {
            return string.Join(" ", Enumerable.Range(0, _length).Select(i => Convert.ToString(_array!.GetValue(i), CultureInfo.InvariantCulture)));
        }

        return Type switch
        {
            FieldType.String or FieldType.InLink or FieldType.OutLink or FieldType.FwdLink => _text,
            FieldType.Menu or FieldType.Device when Menu is not null && _number < Menu.Choices.Count => Menu.Choices[(int)_number],
            _ => _number.ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Record.Name}.{Name} = {FormatValue()}";

    internal static DbrType NativeTypeOf(FieldType type) => type switch
    {
        FieldType.String or FieldType.InLink or FieldType.OutLink or FieldType.FwdLink => DbrType.String,
        FieldType.Char or FieldType.UChar => DbrType.Char,
        FieldType.Short => DbrType.Short,
        FieldType.UShort or FieldType.Long => DbrType.Long,
        FieldType.ULong or FieldType.Double => DbrType.Double,
        FieldType.Float => DbrType.Float,
        _ => DbrType.Enum,
    };

    internal void SetNumber(double value) => _number = FieldValues.Coerce(Type, value);

    internal void SetText(string value) =>
        _text = Type == FieldType.String && Size > 0 && value.Length >= Size ? value[..(Size - 1)] : value;

    internal void SetLink(DbLink link)
    {
        Link = link;
        _text = link.Text;
    }

    /// <summary>Makes this an array field of <paramref name="elementType"/> holding up to <paramref name="capacity"/> elements.</summary>
    internal void ConfigureArray(DbrType elementType, int capacity)
    {
        NativeType = elementType;
        _array = Array.CreateInstance(DbrValue.ElementType(elementType), capacity);
        if (elementType == DbrType.String)
        {
            Array.Fill((string[])_array, string.Empty);
        }

        _length = 0;
    }

    internal Array ArrayStorage => _array ?? throw new InvalidOperationException($"{Record.Name}.{Name} is not an array.");

    internal void SetLength(int length) => _length = Math.Clamp(length, 0, Capacity);

    /// <summary>The field's current value as plain elements of its native type.</summary>
    internal Array Elements()
    {
        if (_array is not null)
        {
            var copy = Array.CreateInstance(_array.GetType().GetElementType()!, _length);
            Array.Copy(_array, copy, _length);
            return copy;
        }

        return NativeType switch
        {
            DbrType.String => new[] { _text },
            DbrType.Short => new[] { (short)_number },
            DbrType.Float => new[] { (float)_number },
            DbrType.Enum => new[] { (ushort)_number },
            DbrType.Char => new[] { Type == FieldType.Char ? unchecked((byte)(sbyte)_number) : (byte)_number },
            DbrType.Long => new[] { (int)_number },
            _ => (Array)new[] { _number },
        };
    }

    /// <summary>
    /// Sets the field from database-file text (dbPutString): numbers in C syntax (an empty string is 0), menu
    /// choices by name or index, strings that fit the field, links that parse.
    /// </summary>
    internal void Configure(string text)
    {
        switch (Type)
        {
            case FieldType.String:
                if (Size > 0 && text.Length >= Size)
                {
                    throw Error($"\"{text}\" is too long: the field holds at most {Size - 1} characters.");
                }

                _text = text;
                return;
            case FieldType.InLink or FieldType.OutLink or FieldType.FwdLink:
                try
                {
                    SetLink(DbLink.Parse(text, Type));
                }
                catch (FormatException e)
                {
                    throw Error(e.Message, e);
                }

                return;
            case FieldType.Menu or FieldType.Device:
                {
                    // A choice by name, or by index (an empty string is index 0, as for any number).
                    long index = Menu!.IndexOf(text);
                    if (index < 0 && text.Trim().Length == 0)
                    {
                        index = 0;
                    }
                    else if (index < 0 && (!FieldValues.TryParseInteger(text, out index) || index < 0 || index >= Menu.Choices.Count))
                    {
                        throw Error($"\"{text}\" is not a choice of {Menu.Name}: {string.Join(", ", Menu.Choices.Select(c => $"\"{c}\""))}.");
                    }

                    _number = index;
                    return;
                }

            case FieldType.Float or FieldType.Double:
                {
                    if (text.Trim().Length == 0)
                    {
                        _number = 0;
                        return;
                    }

                    if (!FieldValues.TryParseDouble(text, out var value))
                    {
                        throw Error($"\"{text}\" is not a number.");
                    }

                    SetNumber(value);
                    return;
                }

            default:
                {
                    if (text.Trim().Length == 0)
                    {
                        _number = 0;
                        return;
                    }

                    if (!FieldValues.TryParseInteger(text, out var value))
                    {
                        throw Error($"\"{text}\" is not an integer{(Type == FieldType.Enum ? " (give the state number)" : string.Empty)}.");
                    }

                    var (upper, lower) = FieldValues.Range(Type);
                    if (value > upper || value < lower)
                    {
                        throw Error($"{value} is out of range for a {Type.ToString().ToUpperInvariant()} field ({lower} to {upper}).");
                    }

                    _number = value;
                    return;
                }
        }
    }

    /// <summary>
    /// Stores a client's value (already of <see cref="NativeType"/>, or convertible to it), as dbPut converts it;
    /// null on success, or why the value is refused.
    /// </summary>
    internal string? Assign(DbrValue value)
    {
        if (_array is not null)
        {
            DbrValue converted;
            try
            {
                converted = value.ValueType == NativeType ? value : DbrConvert.To(value, NativeType);
            }
            catch (CaProtocolException e)
            {
                return e.Message;
            }

            var count = Math.Min(converted.Count, _array.Length);
            Array.Copy(converted.Values, _array, count);
            _length = count;
            return null;
        }

        if (value.Count == 0)
        {
            return null;
        }

        try
        {
            switch (Type)
            {
                case FieldType.String:
                    SetText(value.GetString(0));
                    return null;
                case FieldType.InLink or FieldType.OutLink or FieldType.FwdLink:
                    SetLink(DbLink.Parse(value.GetString(0), Type));
                    return null;
                case FieldType.Menu or FieldType.Device:
                    {
                        var element = value.Values.GetValue(0);
                        var index = element is string s ? Menu!.IndexOf(s) : (int)Math.Truncate(value.GetDouble(0));
                        if (index < 0 && element is string text && FieldValues.TryParseInteger(text, out var parsed))
                        {
                            index = (int)Math.Clamp(parsed, -1, int.MaxValue);
                        }

                        if (index < 0 || index >= Menu!.Choices.Count)
                        {
                            return $"{value.GetString(0)} is not a choice of {Menu!.Name}.";
                        }

                        _number = index;
                        return null;
                    }

                default:
                    {
                        var number = value.Values.GetValue(0) is string s ? ParseNumber(s) : value.GetDouble(0);
                        SetNumber(number);
                        return null;
                    }
            }
        }
        catch (Exception e) when (e is FormatException or CaProtocolException or InvalidCastException)
        {
            return e.Message;
        }
    }

    private double ParseNumber(string text)
    {
        if (Type == FieldType.Enum)
        {
            var strings = Record.GetEnumStrings(this);
            for (var i = 0; i < strings.Count; i++)
            {
                if (string.Equals(strings[i], text, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        if (text.Trim().Length == 0)
        {
            return 0;
        }

        return FieldValues.TryParseDouble(text, out var number)
            ? number
            : throw new FormatException($"\"{text}\" is not a number.");
    }

    internal IDisposable Subscribe(FieldPv view, Action<PvUpdate> callback)
    {
        var subscription = new Subscription(this, view, callback);
        _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    internal void Unsubscribe(Subscription subscription) =>
        _subscriptions = [.. _subscriptions.Where(s => !ReferenceEquals(s, subscription))];

    internal void AddListener(Action<EventMask> listener) => _listeners += listener;

    internal void RemoveListener(Action<EventMask> listener) => _listeners -= listener;

    /// <summary>Reports a change of this field (db_post_events): to links watching it, and to every subscription.</summary>
    internal void Post(EventMask events)
    {
        if (events == EventMask.None)
        {
            return;
        }

        _listeners?.Invoke(events);
        var subscriptions = _subscriptions;
        if (subscriptions.Length == 0 || Record.Database is not { } database)
        {
            return;
        }

        DbrValue? plain = null;
        DbrValue? longString = null;
        foreach (var subscription in subscriptions)
        {
            var snapshot = subscription.View.LongString
                ? longString ??= Record.Snapshot(this, longString: true)
                : plain ??= Record.Snapshot(this, longString: false);
            database.Dispatcher.Enqueue(subscription, new PvUpdate(snapshot, events));
        }
    }

    private RecordFieldException Error(string reason, Exception? inner = null) => new(Record.Name, Name, reason, inner);
}
