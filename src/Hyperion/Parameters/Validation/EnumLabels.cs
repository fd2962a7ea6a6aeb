using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Hyperion.Devices.Signals;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// The wire spelling of enum values: <see cref="JsonStringEnumMemberNameAttribute"/> on our own enums,
/// <see cref="EnumLabelAttribute"/> on the device library's (ApertureValue, RotationDirection), so one enum serves both
/// the PVs and the parameter files. An enum with neither is numeric on the wire (dodal's TriggerMode).
/// </summary>
internal static class EnumLabels
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<KeyValuePair<Enum, string>>?> Cache = new();

    /// <summary>Each value with its label, or null when the enum is numeric on the wire.</summary>
    public static IReadOnlyList<KeyValuePair<Enum, string>>? For(Type enumType) => Cache.GetOrAdd(enumType, Build);

    /// <summary>The label of <paramref name="value"/>, or null for a numeric enum.</summary>
    public static string? LabelOf(Enum value) =>
        For(value.GetType())?.FirstOrDefault(pair => pair.Key.Equals(value)).Value;

    private static IReadOnlyList<KeyValuePair<Enum, string>>? Build(Type enumType)
    {
        var pairs = new List<KeyValuePair<Enum, string>>();
        var labelled = false;
        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var label = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? field.GetCustomAttribute<EnumLabelAttribute>()?.Label;
            labelled |= label is not null;
            pairs.Add(new((Enum)field.GetValue(null)!, label ?? field.Name));
        }

        return labelled ? pairs : null;
    }
}
