using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Loads Hyperion's parameter documents (model version 6.x) into their models, by model type or by plan name.
/// Every rule a document breaks is reported at once, each with its JSON path, in a
/// <see cref="ParameterValidationException"/>.
/// </summary>
public static class HyperionParameters
{
    /// <summary>Loads <paramref name="json"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ParameterValidationException">It is not JSON or breaks a rule of the model.</exception>
    public static T Load<T>(string json)
        where T : ParameterModel => (T)Load(typeof(T), json);

    /// <summary>Loads <paramref name="document"/> as a <typeparamref name="T"/>. The document is not changed.</summary>
    /// <exception cref="ParameterValidationException">It breaks a rule of the model.</exception>
    public static T Load<T>(JsonNode? document)
        where T : ParameterModel => (T)Load(typeof(T), document);

    /// <summary>Loads <paramref name="json"/> as a <paramref name="modelType"/>.</summary>
    /// <exception cref="ParameterValidationException">It is not JSON or breaks a rule of the model.</exception>
    public static ParameterModel Load(Type modelType, string json) => Load(modelType, Parse(json, modelType.Name));

    /// <summary>Loads <paramref name="document"/> as a <paramref name="modelType"/>. The document is not changed.</summary>
    /// <exception cref="ParameterValidationException">It breaks a rule of the model.</exception>
    public static ParameterModel Load(Type modelType, JsonNode? document)
    {
        ArgumentNullException.ThrowIfNull(modelType);
        if (!typeof(ParameterModel).IsAssignableFrom(modelType) || modelType.IsAbstract && !IsPolymorphic(modelType))
        {
            throw new ArgumentException($"{modelType} is not a concrete parameter model", nameof(modelType));
        }

        // Loading rewrites the document as it goes (defaults, copied-down fields), so it works on its own copy.
        return ParameterBinder.Bind(modelType, document?.DeepClone());
    }

    /// <summary>Loads <paramref name="json"/> as the parameters of plan <paramref name="planName"/>
    /// (<see cref="HyperionPlans"/>).</summary>
    /// <exception cref="PlanNotFoundException">There is no such plan.</exception>
    /// <exception cref="ParameterValidationException">It is not JSON or breaks a rule of the plan's model.</exception>
    public static ParameterModel LoadForPlan(string planName, string json) =>
        Load(HyperionPlans.Get(planName).ParameterType, json);

    /// <summary>Loads the file at <paramref name="path"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="ParameterValidationException">It is not JSON or breaks a rule of the model.</exception>
    public static T LoadFile<T>(string path)
        where T : ParameterModel => Load<T>(File.ReadAllText(path));

    private static bool IsPolymorphic(Type type) =>
        type.IsDefined(typeof(System.Text.Json.Serialization.JsonPolymorphicAttribute), inherit: false);

    private static JsonNode? Parse(string json, string modelName)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? path : "$";
            throw new ParameterValidationException(modelName,
                [new ParameterError(where, "json_invalid", $"Invalid JSON: {e.Message}", null)]);
        }
    }
}
