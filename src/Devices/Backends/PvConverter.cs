using System.Globalization;
using Hyperion.ChannelAccess.Dbr;
using Hyperion.ChannelAccess.Pv;
using Hyperion.Devices.Errors;
using Hyperion.Devices.Signals;

namespace Hyperion.Devices.Backends;

/// <summary>
/// Converts between a PV's DBR values and a signal's <typeparamref name="T"/>, after checking at connect that the
/// PV's native type can hold it (as ophyd-async's CA converters do): numbers from numeric PVs, integers from integral
/// ones, booleans from integral or two-state enum PVs, strings from string, enum (the label) or char-array PVs,
/// enums from enum PVs whose labels match (all of them, or a subset for <see cref="SubsetEnumAttribute"/>).
/// </summary>
/// <typeparam name="T">The signal's value type.</typeparam>
internal sealed class PvConverter<T>
{
    private readonly PvMetadata _metadata;
    private readonly bool _charString;

    private PvConverter(PvMetadata metadata, bool charString)
    {
        _metadata = metadata;
        _charString = charString;
    }

    /// <summary>Checks <paramref name="metadata"/> against <typeparamref name="T"/> and returns the converter.</summary>
    /// <exception cref="SignalTypeException">The PV cannot carry a <typeparamref name="T"/>.</exception>
    public static PvConverter<T> For(string pv, PvMetadata metadata)
    {
        var native = metadata.NativeType;
        var numeric = native is DbrType.Double or DbrType.Float or DbrType.Long or DbrType.Short or DbrType.Char or DbrType.Enum;
        var integral = native is DbrType.Long or DbrType.Short or DbrType.Char or DbrType.Enum;
        var kind = SignalDatatype<T>.Kind;
        var scalar = metadata.ElementCount == 1;
        string? problem = kind switch
        {
            SignalValueKind.Number when !numeric || !scalar => "a number",
            SignalValueKind.Integer when !integral || !scalar => "an integer",
            SignalValueKind.Boolean when !(integral && scalar) || (native == DbrType.Enum && metadata.EnumStrings.Count > 2) => "a boolean",
            SignalValueKind.String when !(native is DbrType.String or DbrType.Enum || (native == DbrType.Char && metadata.ElementCount > 1)) => "a string",
            SignalValueKind.Enum when native != DbrType.Enum => "an enum",
            SignalValueKind.Array when metadata.ElementCount < 1 || (ElementIsNumeric() && !numeric) || (!ElementIsNumeric() && native != DbrType.String) => "an array",
            SignalValueKind.Image or SignalValueKind.Table => "an image or table (Channel Access carries neither: use PVA or a soft signal)",
            _ => null,
        };
        if (problem is not null)
        {
            throw new SignalTypeException(pv, $"the signal expects {SignalDatatype<T>.TypeName} but the PV is {DbrTypes.CName(native)}[{metadata.ElementCount}], which cannot be read as {problem}.");
        }

        if (kind == SignalValueKind.Enum)
        {
            var wanted = SignalDatatype<T>.Choices!;
            var missing = wanted.Except(metadata.EnumStrings, StringComparer.Ordinal).ToList();
            var extra = metadata.EnumStrings.Except(wanted, StringComparer.Ordinal).ToList();
            if (missing.Count > 0 || (!SignalDatatype<T>.IsSubsetEnum && extra.Count > 0))
            {
                throw new SignalTypeException(pv, $"{SignalDatatype<T>.TypeName} does not match the PV's choices ({string.Join(", ", metadata.EnumStrings)}): missing {Join(missing)}, unexpected {Join(extra)}.");
            }
        }

        return new PvConverter<T>(metadata, kind == SignalValueKind.String && native == DbrType.Char);

        static bool ElementIsNumeric() => SignalDatatype<T>.ElementType(typeof(T)) != typeof(string);
        static string Join(List<string> labels) => labels.Count == 0 ? "none" : string.Join(", ", labels);
    }

    /// <summary>The signal value a DBR value carries.</summary>
    public T FromDbr(DbrValue value)
    {
        object result = SignalDatatype<T>.Kind switch
        {
            SignalValueKind.String when _charString => System.Text.Encoding.ASCII.GetString(((byte[])value.Values).TakeWhile(b => b != 0).ToArray()),
            SignalValueKind.String => value.Count == 0 ? string.Empty : LabelOrString(value),
            SignalValueKind.Enum => EnumOf(value),
            SignalValueKind.Boolean => value.Count > 0 && value.GetDouble() != 0,
            SignalValueKind.Number or SignalValueKind.Integer => Convert.ChangeType(value.GetDouble(), typeof(T), CultureInfo.InvariantCulture),
            SignalValueKind.Array => ArrayOf(value),
            _ => throw new NotSupportedException($"{SignalDatatype<T>.TypeName} over Channel Access"),
        };
        return (T)result;
    }

    /// <summary>The DBR value to write for <paramref name="value"/>, in a type the server converts to the native one.</summary>
    public DbrValue ToDbr(T value) => value switch
    {
        string text when _charString => new DbrValue(DbrType.Char, System.Text.Encoding.ASCII.GetBytes(text + "\0")),
        string text => DbrValue.Of(text),
        bool flag => DbrValue.Of(flag ? 1 : 0),
        Enum => new DbrValue(DbrType.Enum, new[] { (ushort)IndexOf(SignalDatatype<T>.Label(value)) }),
        double or float => DbrValue.Of(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        int or long or short or byte or ushort or uint => DbrValue.Of(Convert.ToInt32(value, CultureInfo.InvariantCulture)),
        string[] texts => DbrValue.Of(texts),
        Array array => DbrValue.Of(array.Cast<object>().Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray()),
        _ => throw new NotSupportedException($"{SignalDatatype<T>.TypeName} over Channel Access"),
    };

    // TIME and plain enum values carry the index only; the labels came with the channel's CTRL metadata.
    private string LabelOrString(DbrValue value) =>
        value.ValueType == DbrType.Enum && _metadata.EnumStrings.Count > 0 && (int)value.GetDouble() is var index && index >= 0 && index < _metadata.EnumStrings.Count
            ? _metadata.EnumStrings[index]
            : value.GetString();

    private int IndexOf(string label)
    {
        for (var i = 0; i < _metadata.EnumStrings.Count; i++)
        {
            if (_metadata.EnumStrings[i] == label)
            {
                return i;
            }
        }

        throw new SignalTypeException(label, $"'{label}' is not one of the PV's choices ({string.Join(", ", _metadata.EnumStrings)}).");
    }

    private object EnumOf(DbrValue value)
    {
        var index = (int)value.GetDouble();
        var label = index >= 0 && index < _metadata.EnumStrings.Count ? _metadata.EnumStrings[index] : index.ToString(CultureInfo.InvariantCulture);
        return SignalDatatype<T>.TryParseLabel(label, out var member)
            ? member!
            : throw new SignalTypeException(label, $"the PV is in state '{label}', which {SignalDatatype<T>.TypeName} does not have.");
    }

    private static Array ArrayOf(DbrValue value)
    {
        var element = SignalDatatype<T>.ElementType(typeof(T))!;
        var array = Array.CreateInstance(element, value.Count);
        for (var i = 0; i < value.Count; i++)
        {
            array.SetValue(element == typeof(string) ? value.GetString(i) : Convert.ChangeType(value.Values.GetValue(i), element, CultureInfo.InvariantCulture), i);
        }

        return array;
    }
}
