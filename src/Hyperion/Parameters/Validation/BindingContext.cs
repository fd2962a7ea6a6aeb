using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyperion.Cli.Parameters;

/// <summary>The state of one load: the errors so far (each path and rule once) and, for documents built by copying
/// fields down from an outer level, where each copied field really came from.</summary>
internal sealed class BindingContext
{
    private readonly List<ParameterError> _errors = [];
    private readonly HashSet<(string Path, string Rule)> _seen = [];
    private readonly Dictionary<JsonObject, IReadOnlyDictionary<string, string>> _origins =
        new(ReferenceEqualityComparer.Instance);

    /// <summary>The errors so far, in the order found.</summary>
    public IReadOnlyList<ParameterError> Errors => _errors;

    /// <summary>How many errors have been reported, duplicates included: a scope compares it to tell whether
    /// anything in it failed, even when the failure repeated one already listed.</summary>
    public int Reports { get; private set; }

    /// <summary>Records an error unless the same rule at the same path is already recorded.</summary>
    public void Add(string path, string rule, string message, object? value)
    {
        Reports++;
        if (_seen.Add((path, rule)))
        {
            _errors.Add(new ParameterError(path, rule, message, Render(value)));
        }
    }

    /// <summary>Says that the fields of <paramref name="document"/> named in <paramref name="fieldPaths"/> came from
    /// those paths, so their errors name where the user wrote them.</summary>
    public void SetOrigins(JsonObject document, IReadOnlyDictionary<string, string> fieldPaths) =>
        _origins[document] = fieldPaths;

    /// <summary>The origins recorded for <paramref name="document"/>, if any.</summary>
    public IReadOnlyDictionary<string, string>? OriginsOf(JsonObject document) =>
        _origins.TryGetValue(document, out var origins) ? origins : null;

    private static string? Render(object? value) => value switch
    {
        null => null,
        JsonNode node => node.ToJsonString(),
        _ => JsonSerializer.Serialize(value, value.GetType(), ParameterJson.Options),
    };
}
