using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Reads a JSON document into a parameter model the way pydantic validates one: each field converted with pydantic's
/// lax coercions (an integral float is an int, a numeric string a number), each rule checked, every failure recorded
/// with its JSON path rather than stopping at the first, and the model's cross-field rules run once its fields are
/// good.
/// </summary>
internal static class ParameterBinder
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<BindableProperty>> PropertyCache = new();

    private static readonly HashSet<string> TrueStrings = ["1", "true", "t", "yes", "y", "on"];
    private static readonly HashSet<string> FalseStrings = ["0", "false", "f", "no", "n", "off"];

    /// <summary>Reads <paramref name="document"/> as a <paramref name="type"/>.</summary>
    /// <exception cref="ParameterValidationException">It breaks any rule; every error found is listed.</exception>
    public static ParameterModel Bind(Type type, JsonNode? document)
    {
        var context = new BindingContext();
        var model = BindObject(type, document, "$", context);
        if (context.Errors.Count > 0 || model is null)
        {
            throw new ParameterValidationException(type.Name, [.. context.Errors]);
        }

        return model;
    }

    /// <summary>The fields of <paramref name="type"/> that the binder fills, base class fields first.</summary>
    public static IReadOnlyList<BindableProperty> PropertiesOf(Type type) => PropertyCache.GetOrAdd(type, Discover);

    /// <summary>Reads an object of <paramref name="type"/> at <paramref name="path"/>, or returns null after
    /// reporting why it could not.</summary>
    public static ParameterModel? BindObject(Type type, JsonNode? node, string path, BindingContext context)
    {
        if (node is not JsonObject document)
        {
            context.Add(path, "model_type", $"Input should be an object ({type.Name})", node);
            return null;
        }

        string? discriminator = null;
        if (type.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is { } polymorphic)
        {
            discriminator = polymorphic.TypeDiscriminatorPropertyName ?? "$type";
            type = ResolveDerivedType(type, document, discriminator, path, context)!;
            if (type is null)
            {
                return null;
            }
        }

        var scope = new BindingScope(context, path, context.OriginsOf(document));
        var model = (ParameterModel)Activator.CreateInstance(type)!;
        var input = model.PrepareInput(document, scope);

        var known = new HashSet<string>(StringComparer.Ordinal);
        if (discriminator is not null)
        {
            known.Add(discriminator);
        }

        foreach (var property in PropertiesOf(type))
        {
            known.Add(property.JsonName);
            if (!input.TryGetPropertyValue(property.JsonName, out var value))
            {
                if (property.Required)
                {
                    scope.Error(property.JsonName, "missing", "Field required", null);
                }

                continue;
            }

            var fieldPath = scope.Field(property.JsonName);
            if (TryConvert(value, property.Info.PropertyType, property.Nullable, fieldPath, context, out var converted)
                && Satisfies(property, converted, fieldPath, context))
            {
                property.Info.SetValue(model, converted);
            }
        }

        BindExtraFields(type, model, input, known, scope);
        return scope.Failed ? model : model.Complete(scope);
    }

    /// <summary>Converts <paramref name="node"/> to <paramref name="type"/>, reporting at <paramref name="path"/>
    /// when it cannot.</summary>
    public static bool TryConvert(
        JsonNode? node, Type type, bool nullable, string path, BindingContext context, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (node is null)
        {
            if (nullable || underlying is not null)
            {
                return true;
            }

            context.Add(path, TypeRule(type), TypeMessage(type), null);
            return false;
        }

        type = underlying ?? type;
        if (type == typeof(int) || type == typeof(long))
        {
            var integer = ToInteger(node, path, context);
            if (integer is null)
            {
                return false;
            }

            if (type == typeof(int) && integer is < int.MinValue or > int.MaxValue)
            {
                context.Add(path, "int_type", "Input should be a valid integer, too large", node);
                return false;
            }

            value = type == typeof(int) ? (object)(int)integer.Value : integer.Value;
            return true;
        }

        if (type == typeof(SemanticVersion))
        {
            var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
            if (text is not null && SemanticVersion.TryParse(text) is { } version)
            {
                value = version;
                return true;
            }

            context.Add(path, "semantic_version", $"{node.ToJsonString()} is not a valid semantic version", node);
            return false;
        }

        if (type == typeof(string))
        {
            if (node.GetValueKind() == JsonValueKind.String)
            {
                value = node.GetValue<string>();
                return true;
            }

            context.Add(path, TypeRule(type), TypeMessage(type), node);
            return false;
        }

        // The remaining converters report their own failures.
        value = type == typeof(double) ? ToDouble(node, path, context)
            : type == typeof(bool) ? ToBool(node, path, context)
            : type.IsEnum ? ToEnum(type, node, path, context)
            : type == typeof(JsonObject) || type == typeof(JsonNode) ? node.DeepClone()
            : ListItemType(type) is { } itemType ? ToList(itemType, node, path, context)
            : typeof(ParameterModel).IsAssignableFrom(type) ? BindObject(type, node, path, context)
            : throw new NotSupportedException($"Parameter field type {type} has no JSON binding");
        return value is not null;
    }

    private static Type? ResolveDerivedType(
        Type baseType, JsonObject document, string discriminator, string path, BindingContext context)
    {
        var derived = baseType.GetCustomAttributes<JsonDerivedTypeAttribute>(inherit: false).ToList();
        var tags = derived.Select(d => d.TypeDiscriminator?.ToString() ?? "").ToList();
        if (!document.TryGetPropertyValue(discriminator, out var tagNode)
            || tagNode?.GetValueKind() != JsonValueKind.String)
        {
            context.Add(path, "union_tag_not_found",
                $"Unable to extract tag using discriminator '{discriminator}'", tagNode);
            return null;
        }

        var tag = tagNode.GetValue<string>();
        var match = derived.FirstOrDefault(d => d.TypeDiscriminator?.ToString() == tag);
        if (match is null)
        {
            context.Add($"{path}.{discriminator}", "union_tag_invalid",
                $"Input tag '{tag}' found using '{discriminator}' does not match any of the expected tags: "
                + string.Join(", ", tags.Select(t => $"'{t}'")), tagNode);
            return null;
        }

        return match.DerivedType;
    }

    private static void BindExtraFields(
        Type type, ParameterModel model, JsonObject input, HashSet<string> known, BindingScope scope)
    {
        var policy = type.GetCustomAttribute<ExtraFieldsAttribute>(inherit: true)?.Policy ?? ExtraFieldPolicy.Ignore;
        if (policy == ExtraFieldPolicy.Ignore)
        {
            return;
        }

        var extras = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in input)
        {
            if (known.Contains(name))
            {
                continue;
            }

            if (policy == ExtraFieldPolicy.Forbid)
            {
                scope.Error(name, "extra_forbidden", "Extra inputs are not permitted", value);
            }
            else
            {
                extras[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        if (policy == ExtraFieldPolicy.Allow && extras.Count > 0)
        {
            var extensionProperty = type.GetProperties()
                .FirstOrDefault(p => p.IsDefined(typeof(JsonExtensionDataAttribute)) && p.PropertyType == typeof(Dictionary<string, JsonElement>));
            extensionProperty?.SetValue(model, extras);
        }
    }

    private static bool Satisfies(BindableProperty property, object? value, string path, BindingContext context)
    {
        if (value is null)
        {
            return true;
        }

        var ok = true;
        foreach (var constraint in property.Constraints)
        {
            if (constraint.ApplyToItems && value is IList items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } item && constraint.Check(item) is { } itemViolation)
                    {
                        context.Add($"{path}[{i}]", itemViolation.Rule, itemViolation.Message, item);
                        ok = false;
                    }
                }
            }
            else if (constraint.Check(value) is { } violation)
            {
                context.Add(path, violation.Rule, violation.Message, value);
                ok = false;
            }
        }

        return ok;
    }

    private static double? ToDouble(JsonNode node, string path, BindingContext context)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                return double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                if (double.TryParse(node.GetValue<string>().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                context.Add(path, "float_parsing", "Input should be a valid number, unable to parse string as a number", node);
                return null;
            default:
                context.Add(path, "float_type", "Input should be a valid number", node);
                return null;
        }
    }

    private static long? ToInteger(JsonNode node, string path, BindingContext context)
    {
        switch (node.GetValueKind())
        {
            case JsonValueKind.Number:
                var text = node.ToJsonString();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exact))
                {
                    return exact;
                }

                var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (number == Math.Floor(number) && Math.Abs(number) < 9.2e18)
                {
                    return (long)number;
                }

                context.Add(path, "int_from_float",
                    "Input should be a valid integer, got a number with a fractional part", node);
                return null;
            case JsonValueKind.String:
                if (long.TryParse(node.GetValue<string>().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                context.Add(path, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", node);
                return null;
            default:
                context.Add(path, "int_type", "Input should be a valid integer", node);
                return null;
        }
    }

    private static bool? ToBool(JsonNode node, string path, BindingContext context)
    {
        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        var text = kind is JsonValueKind.String or JsonValueKind.Number
            ? (kind == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString()).Trim().ToLowerInvariant()
            : null;
        if (text is not null && TrueStrings.Contains(text))
        {
            return true;
        }

        if (text is not null && FalseStrings.Contains(text))
        {
            return false;
        }

        context.Add(path, text is null ? "bool_type" : "bool_parsing",
            text is null ? "Input should be a valid boolean" : "Input should be a valid boolean, unable to interpret input",
            node);
        return null;
    }

    private static Enum? ToEnum(Type type, JsonNode node, string path, BindingContext context)
    {
        var labels = EnumLabels.For(type);
        if (labels is not null)
        {
            var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
            foreach (var pair in labels)
            {
                if (pair.Value == text)
                {
                    return pair.Key;
                }
            }

            context.Add(path, "enum", "Input should be " + Alternatives(labels.Select(p => $"'{p.Value}'").ToList()), node);
            return null;
        }

        var values = Enum.GetValues(type).Cast<Enum>().ToList();
        if (node.GetValueKind() == JsonValueKind.Number
            && long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            foreach (var candidate in values)
            {
                if (Convert.ToInt64(candidate, CultureInfo.InvariantCulture) == number)
                {
                    return candidate;
                }
            }
        }

        context.Add(path, "enum", "Input should be "
            + Alternatives(values.Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).ToList()), node);
        return null;
    }

    private static object? ToList(Type itemType, JsonNode node, string path, BindingContext context)
    {
        if (node is not JsonArray array)
        {
            context.Add(path, "list_type", "Input should be a valid list", node);
            return null;
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var ok = true;
        for (var i = 0; i < array.Count; i++)
        {
            if (TryConvert(array[i], itemType, nullable: false, $"{path}[{i}]", context, out var item))
            {
                list.Add(item);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? list : null;
    }

    private static string Alternatives(List<string> options) =>
        options.Count <= 1 ? string.Concat(options) : string.Join(", ", options.Take(options.Count - 1)) + " or " + options[^1];

    private static Type? ListItemType(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static string TypeRule(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "string_type"
            : type == typeof(double) ? "float_type"
            : type == typeof(int) || type == typeof(long) ? "int_type"
            : type == typeof(bool) ? "bool_type"
            : type.IsEnum ? "enum"
            : ListItemType(type) is not null ? "list_type"
            : "model_type";
    }

    private static string TypeMessage(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "Input should be a valid string"
            : type == typeof(double) ? "Input should be a valid number"
            : type == typeof(int) || type == typeof(long) ? "Input should be a valid integer"
            : type == typeof(bool) ? "Input should be a valid boolean"
            : type.IsEnum ? $"Input should be a {type.Name}"
            : ListItemType(type) is not null ? "Input should be a valid list"
            : $"Input should be an object ({type.Name})";
    }

    private static IReadOnlyList<BindableProperty> Discover(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var naming = JsonNamingPolicy.SnakeCaseLower;
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true }
                && !p.IsDefined(typeof(JsonIgnoreAttribute))
                && !p.IsDefined(typeof(JsonExtensionDataAttribute)))
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken)
            .Select(p => new BindableProperty(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? naming.ConvertName(p.Name),
                Attribute.IsDefined(p, typeof(RequiredFieldAttribute), inherit: false),
                !p.PropertyType.IsValueType && nullability.Create(p).WriteState == NullabilityState.Nullable,
                [.. Attribute.GetCustomAttributes(p, typeof(FieldConstraintAttribute), inherit: false).Cast<FieldConstraintAttribute>()]))
            .ToList();
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }
}
