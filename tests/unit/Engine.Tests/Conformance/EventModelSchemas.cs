using System.Text.Json;
using System.Text.Json.Nodes;
using Hyperion.Engine.Tests.Support;
using Json.Schema;

namespace Hyperion.Engine.Tests.Conformance;

/// <summary>
/// event-model's JSON schemas (draft 2020-12), loaded once from the shared reference directory, and a
/// validator that lists every error with where in the document it is.
/// </summary>
internal static class EventModelSchemas
{
    private static readonly Lazy<IReadOnlyDictionary<DocumentName, JsonSchema>> Schemas = new(Load);

    /// <summary>The schema file of each document kind.</summary>
    public static string FileName(DocumentName name) => name switch
    {
        DocumentName.Start => "run_start.json",
        DocumentName.Descriptor => "event_descriptor.json",
        DocumentName.Event => "event.json",
        DocumentName.EventPage => "event_page.json",
        DocumentName.Stop => "run_stop.json",
        DocumentName.Resource => "resource.json",
        DocumentName.Datum => "datum.json",
        DocumentName.DatumPage => "datum_page.json",
        DocumentName.StreamResource => "stream_resource.json",
        DocumentName.StreamDatum => "stream_datum.json",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No event-model schema for this document kind."),
    };

    /// <summary>Validates <paramref name="json"/> as a document of kind <paramref name="name"/>; empty when it conforms.</summary>
    public static IReadOnlyList<string> Validate(DocumentName name, JsonElement json)
    {
        var results = Schemas.Value[name].Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        CollectErrors(results, errors);
        return errors.Count > 0 ? errors : ["invalid, with no error detail from the validator"];
    }

    // Only failed nodes are walked: a passing anyOf keeps its failed branches' errors, which are not errors.
    private static void CollectErrors(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"at '{node.InstanceLocation}' ({node.EvaluationPath}, {keyword}): {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            CollectErrors(child, errors);
        }
    }

    private static Dictionary<DocumentName, JsonSchema> Load()
    {
        var directory = TestPaths.EventModelSchemas;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"event-model's schemas are expected in {directory} (../shared/reference/event-model-schemas beside the repository).");
        }

        var schemas = new Dictionary<DocumentName, JsonSchema>();
        foreach (var name in DocumentNames.All)
        {
            var file = Path.Combine(directory, FileName(name));

            // Each schema gets its own registry and base URI: none has an $id, and their $defs share names.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
            var text = WithoutSlashesInPatternKeys(JsonNode.Parse(File.ReadAllText(file))!).ToJsonString();
            schemas[name] = JsonSchema.FromText(text, options, new Uri($"https://event-model.test/{FileName(name)}"));
        }

        return schemas;
    }

    /// <summary>
    /// JsonSchema.Net 8.0.5 throws KeyNotFoundException ('^([^.~1]+)$') when a property matches a
    /// patternProperties key that contains '/': it looks the subschema up by the key escaped as a JSON
    /// pointer segment. event-model's "^([^./]+)$" is rewritten, in memory only, to the same regex with the
    /// slash spelled "\x2F", so the files stay as event-model publishes them and the meaning is unchanged.
    /// </summary>
    private static JsonNode WithoutSlashesInPatternKeys(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is not null)
                    {
                        WithoutSlashesInPatternKeys(value);
                    }

                    if (key == "patternProperties" && value is JsonObject patterns)
                    {
                        foreach (var (pattern, schema) in patterns.ToList())
                        {
                            if (pattern.Contains('/', StringComparison.Ordinal))
                            {
                                if (pattern.Contains("\\/", StringComparison.Ordinal))
                                {
                                    throw new NotSupportedException($"Pattern '{pattern}' escapes a slash; rewrite it by hand.");
                                }

                                patterns.Remove(pattern);
                                patterns[pattern.Replace("/", "\\x2F", StringComparison.Ordinal)] = schema;
                            }
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        WithoutSlashesInPatternKeys(item);
                    }
                }

                break;
        }

        return node;
    }
}
