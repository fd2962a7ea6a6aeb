using System.Collections;
using System.Globalization;
using System.Reflection;
using Hyperion.Devices.Errors;

namespace Hyperion.Devices.Signals;

/// <summary>
/// Everything the device layer needs to know about a signal's value type <typeparamref name="T"/>, worked out once:
/// its DataKey dtype and numpy dtype, enum labels, its default value, and how to accept a value given as any
/// object (a plan's <c>set</c> argument) with a clear error naming the expected type when it cannot.
/// Supported: bool, int, long, short, byte, double, float, string, enums, one-dimensional arrays of those,
/// <see cref="Image2D{T}"/> and <see cref="SignalTable"/>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "A per-type cache worked out once; callers name the type they hold.")]
public static class SignalDatatype<T>
{
    private static readonly Dictionary<string, T> ByLabel = [];
    private static readonly Dictionary<object, string> LabelOf = [];

    static SignalDatatype()
    {
        var type = typeof(T);
        Kind = KindOf(type);
        TypeName = FriendlyName(type);
        if (Kind == SignalValueKind.Enum)
        {
            var labels = new List<string>();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var label = field.GetCustomAttribute<EnumLabelAttribute>()?.Label ?? field.Name;
                var value = (T)field.GetValue(null)!;
                labels.Add(label);
                ByLabel[label] = value;
                LabelOf[value!] = label;
            }

            Choices = labels;
            IsSubsetEnum = type.GetCustomAttribute<SubsetEnumAttribute>() is not null;
        }

        (Dtype, DtypeNumpy) = Kind switch
        {
            SignalValueKind.Boolean => ("boolean", "|b1"),
            SignalValueKind.Integer => ("integer", NumpyOf(type)),
            SignalValueKind.Number => ("number", NumpyOf(type)),
            SignalValueKind.String or SignalValueKind.Enum => ("string", "|S40"),
            SignalValueKind.Array or SignalValueKind.Image => ("array", NumpyOf(ElementType(type)!)),
            _ => ("array", string.Empty),
        };
    }

    /// <summary>The kind of value.</summary>
    public static SignalValueKind Kind { get; }

    /// <summary>The event-model dtype: number, integer, boolean, string or array.</summary>
    public static string Dtype { get; }

    /// <summary>The numpy dtype string (e.g. &lt;f8), empty for tables.</summary>
    public static string DtypeNumpy { get; }

    /// <summary>An enum's labels in declaration order; null for other types.</summary>
    public static IReadOnlyList<string>? Choices { get; }

    /// <summary>Whether an enum's labels need only be a subset of the PV's.</summary>
    public static bool IsSubsetEnum { get; }

    /// <summary>How errors name the type (e.g. "double", "ShutterState (Open, Closed)").</summary>
    public static string TypeName { get; }

    /// <summary>The value a signal holds before anything is written: 0, false, "", the first enum member, empty arrays.</summary>
    public static T Default => Kind switch
    {
        SignalValueKind.String => (T)(object)string.Empty,
        SignalValueKind.Array => (T)(object)Array.CreateInstance(ElementType(typeof(T))!, 0),
        SignalValueKind.Enum => ByLabel[Choices![0]],
        SignalValueKind.Table => (T)(object)new SignalTable(new Dictionary<string, Array>()),
        _ => default!,
    };

    /// <summary>The enum label of <paramref name="value"/>.</summary>
    public static string Label(T value) =>
        value is not null && LabelOf.TryGetValue(value, out var label) ? label : throw new ArgumentException($"{value} is not a member of {TypeName}.", nameof(value));

    /// <summary>The enum member labelled <paramref name="label"/>, if any.</summary>
    public static bool TryParseLabel(string label, out T value) => ByLabel.TryGetValue(label, out value!);

    /// <summary>The DataKey shape of <paramref name="value"/>: [] for scalars, [n] for arrays, [h, w] for images.</summary>
    public static IReadOnlyList<int?> Shape(T value) => value switch
    {
        string => [],
        Array array => [array.Length],
        SignalTable table => [table.RowCount],
        _ when Kind == SignalValueKind.Image => ImageShape(value),
        _ => [],
    };

    /// <summary>The value as it goes into a document: enum labels for enums, the value itself otherwise.</summary>
    public static object? ToDocument(T value) => Kind == SignalValueKind.Enum ? Label(value) : value;

    /// <summary>
    /// Accepts <paramref name="value"/> for <paramref name="signal"/>: a <typeparamref name="T"/> as it is, a number
    /// of another numeric type when it converts exactly, an enum label for an enum, an array of convertible
    /// elements for an array. Anything else is refused naming the expected type.
    /// </summary>
    /// <exception cref="SignalTypeException">The value cannot be a <typeparamref name="T"/>.</exception>
    public static T Coerce(object? value, string signal)
    {
        if (value is T typed)
        {
            return typed;
        }

        try
        {
            switch (Kind)
            {
                case SignalValueKind.Enum when value is string label:
                    return ByLabel.TryGetValue(label, out var member)
                        ? member
                        : throw new SignalTypeException(signal, $"'{label}' is not one of {TypeName}.");
                case SignalValueKind.Number when value is IConvertible and not string and not bool:
                    return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
                case SignalValueKind.Integer when value is IConvertible and not string and not bool:
                    var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                    if (number != Math.Floor(number))
                    {
                        break;
                    }

                    return (T)Convert.ChangeType(number, typeof(T), CultureInfo.InvariantCulture);
                case SignalValueKind.Array when value is IEnumerable items && value is not string:
                    var element = ElementType(typeof(T))!;
                    var list = items.Cast<object?>().ToList();
                    var array = Array.CreateInstance(element, list.Count);
                    for (var i = 0; i < list.Count; i++)
                    {
                        array.SetValue(element == typeof(string) ? list[i]?.ToString() : Convert.ChangeType(list[i], element, CultureInfo.InvariantCulture), i);
                    }

                    return (T)(object)array;
            }
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new SignalTypeException(signal, $"expected {TypeName}, got {Describe(value)}: {e.Message}");
        }

        throw new SignalTypeException(signal, $"expected {TypeName}, got {Describe(value)}.");
    }

    internal static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() :
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Image2D<>) ? type.GetGenericArguments()[0] : null;

    private static IReadOnlyList<int?> ImageShape(T value) => value is IImageShape image ? [image.Height, image.Width] : [];

    private static string Describe(object? value) => value is null ? "null" : $"{FriendlyName(value.GetType())} {value}";

    private static SignalValueKind KindOf(Type type)
    {
        if (type == typeof(bool))
        {
            return SignalValueKind.Boolean;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint))
        {
            return SignalValueKind.Integer;
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return SignalValueKind.Number;
        }

        if (type == typeof(string))
        {
            return SignalValueKind.String;
        }

        if (type.IsEnum)
        {
            return SignalValueKind.Enum;
        }

        if (type.IsArray && type.GetArrayRank() == 1 && KindOf(type.GetElementType()!) is SignalValueKind.Boolean or SignalValueKind.Integer or SignalValueKind.Number or SignalValueKind.String)
        {
            return SignalValueKind.Array;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Image2D<>))
        {
            return SignalValueKind.Image;
        }

        if (type == typeof(SignalTable))
        {
            return SignalValueKind.Table;
        }

        throw new NotSupportedException($"{FriendlyName(type)} is not a signal datatype: use bool, int, long, short, byte, double, float, string, an enum, a 1-D array of those, Image2D<T> or SignalTable.");
    }

    private static string NumpyOf(Type type) => type switch
    {
        _ when type == typeof(double) => "<f8",
        _ when type == typeof(float) => "<f4",
        _ when type == typeof(long) => "<i8",
        _ when type == typeof(int) => "<i4",
        _ when type == typeof(uint) => "<u4",
        _ when type == typeof(short) => "<i2",
        _ when type == typeof(ushort) => "<u2",
        _ when type == typeof(byte) => "|u1",
        _ when type == typeof(bool) => "|b1",
        _ => "|S40",
    };

    private static string FriendlyName(Type type)
    {
        if (type.IsEnum)
        {
            var labels = type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetCustomAttribute<EnumLabelAttribute>()?.Label ?? f.Name);
            return $"{type.Name} ({string.Join(", ", labels)})";
        }

        if (type.IsArray)
        {
            return FriendlyName(type.GetElementType()!) + "[]";
        }

        return type switch
        {
            _ when type == typeof(double) => "double",
            _ when type == typeof(float) => "float",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(short) => "short",
            _ when type == typeof(byte) => "byte",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(string) => "string",
            _ => type.Name,
        };
    }
}
