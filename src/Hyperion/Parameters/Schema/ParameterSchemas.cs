using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// JSON schemas of the parameter models (for <c>GET /plans</c>), made by System.Text.Json's exporter from the same
/// declarations the loader reads: required fields, defaults, limits, patterns, enum labels, forbidden extras.
/// </summary>
public static class ParameterSchemas
{
    private static readonly ConcurrentDictionary<Type, JsonObject> Cache = new();

    /// <summary>The schema of <paramref name="modelType"/> (a fresh copy each call).</summary>
    public static JsonObject For(Type modelType)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        return (JsonObject)Cache.GetOrAdd(modelType, Build).DeepClone();
    }

    /// <summary>The schema of the parameters of plan <paramref name="planName"/>.</summary>
    /// <exception cref="PlanNotFoundException">There is no such plan.</exception>
    public static JsonObject ForPlan(string planName) => For(HyperionPlans.Get(planName).ParameterType);

    /// <summary>Every plan's name with its parameters' schema, as <c>GET /plans</c> lists them.</summary>
    public static JsonObject AllPlans()
    {
        var plans = new JsonObject();
        foreach (var plan in HyperionPlans.All)
        {
            plans[plan.PlanName] = For(plan.ParameterType);
        }

        return plans;
    }

    private static JsonObject Build(Type modelType)
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        var node = ParameterJson.Options.GetJsonSchemaAsNode(modelType, exporterOptions);
        var schema = node as JsonObject ?? new JsonObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = modelType.Name,
        };
        foreach (var (name, value) in schema)
        {
            root[name] = value?.DeepClone();
        }

        return root;
    }

    private static JsonObject Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var type = context.TypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var node = schema as JsonObject ?? new JsonObject();

        if (underlying.IsEnum)
        {
            node = EnumSchema(underlying, nullable: Nullable.GetUnderlyingType(type) is not null);
        }
        else if (underlying == typeof(SemanticVersion))
        {
            node = new JsonObject { ["type"] = "string" };
        }

        if (context.PropertyInfo?.AttributeProvider is PropertyInfo property)
        {
            foreach (var constraint in property.GetCustomAttributes<FieldConstraintAttribute>(inherit: false))
            {
                var target = constraint.ApplyToItems ? node["items"] as JsonObject : node;
                if (target is not null)
                {
                    constraint.Describe(target);
                }
            }
        }

        if (context.TypeInfo.Kind == JsonTypeInfoKind.Object && typeof(ParameterModel).IsAssignableFrom(type))
        {
            DescribeModel(context.TypeInfo, node);
        }

        if (context.PropertyInfo?.DeclaringType == typeof(LoadCentreCollect)
            && context.PropertyInfo.PropertyType != typeof(MultiXtalSelection)
            && typeof(DiffractionExperiment).IsAssignableFrom(context.PropertyInfo.PropertyType))
        {
            LoadCentreCollect.DescribePartSchema(node);
        }

        return node;
    }

    private static JsonObject EnumSchema(Type enumType, bool nullable)
    {
        var values = new JsonArray();
        var labels = EnumLabels.For(enumType);
        if (labels is not null)
        {
            foreach (var pair in labels)
            {
                values.Add(pair.Value);
            }
        }
        else
        {
            foreach (var value in Enum.GetValues(enumType))
            {
                values.Add(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }
        }

        if (nullable)
        {
            values.Add(null);
        }

        var kind = labels is null ? "integer" : "string";
        return new JsonObject
        {
            ["type"] = nullable ? new JsonArray(kind, "null") : kind,
            ["enum"] = values,
        };
    }

    private static void DescribeModel(JsonTypeInfo typeInfo, JsonObject node)
    {
        var type = typeInfo.Type;
        var bindable = ParameterBinder.PropertiesOf(type);
        var required = new JsonArray();
        if (type.BaseType?.GetCustomAttribute<JsonPolymorphicAttribute>(inherit: false) is { } polymorphic)
        {
            // pydantic's discriminated union needs its tag; the exporter marks it const but not required.
            required.Add(polymorphic.TypeDiscriminatorPropertyName ?? "$type");
        }

        foreach (var property in bindable.Where(p => p.Required))
        {
            required.Add(property.JsonName);
        }

        if (required.Count > 0)
        {
            node["required"] = required;
        }
        var policy = type.GetCustomAttribute<ExtraFieldsAttribute>(inherit: true)?.Policy ?? ExtraFieldPolicy.Ignore;
        if (policy == ExtraFieldPolicy.Forbid)
        {
            node["additionalProperties"] = false;
        }

        if (type.IsAbstract || node["properties"] is not JsonObject properties
            || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return;
        }

        // Defaults are what a freshly made model holds, so they cannot drift from the initialisers.
        var instance = Activator.CreateInstance(type)!;
        var requiredNames = bindable.Where(p => p.Required).Select(p => p.JsonName).ToHashSet();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is null || requiredNames.Contains(property.Name)
                || properties[property.Name] is not JsonObject propertySchema)
            {
                continue;
            }

            var value = property.Get(instance);
            propertySchema["default"] = JsonSerializer.SerializeToNode(value, property.PropertyType, ParameterJson.Options);
        }
    }
}
