using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hyperion.FakeZocalo.Messages;

/// <summary>Reads and validates trigger messages, naming the field of anything wrong.</summary>
public static class RecipeTriggerParser
{
    /// <summary>Parses a trigger body; throws <see cref="TriggerMessageException"/> naming the bad field.</summary>
    public static RecipeTrigger Parse(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException json)
        {
            throw new TriggerMessageException("$", $"not JSON ({json.Message})", text);
        }

        if (root is not JsonObject message)
        {
            throw new TriggerMessageException("$", "expected a JSON object", text);
        }

        var recipes = ReadRecipes(message, text);
        if (message["parameters"] is not JsonObject parameters)
        {
            throw new TriggerMessageException("$.parameters", message.ContainsKey("parameters") ? "expected an object" : "missing", text);
        }

        var eventName = ReadString(parameters, "event", text);
        var dcid = ReadInteger(parameters, "ispyb_dcid", text, minimum: 1);
        switch (eventName)
        {
            case "end":
                return new RecipeTrigger(recipes, TriggerEvent.End, dcid, Guid: ReadOptionalString(parameters, "guid", text));
            case "start":
                var filename = ReadString(parameters, "filename", text);
                if (filename.Length == 0 || filename.IndexOfAny(['/', '\\']) >= 0 || filename is "." or "..")
                {
                    throw new TriggerMessageException("$.parameters.filename", $"'{filename}' is not a file stem (no directories, not empty)", text);
                }

                return new RecipeTrigger(
                    recipes,
                    TriggerEvent.Start,
                    dcid,
                    filename,
                    (int)ReadInteger(parameters, "start_frame_index", text, minimum: 0),
                    (int)ReadInteger(parameters, "number_of_frames", text, minimum: 1),
                    (int)ReadInteger(parameters, "message_index", text, minimum: 0),
                    ReadOptionalString(parameters, "guid", text));
            default:
                throw new TriggerMessageException("$.parameters.event", $"'{eventName}' is neither 'start' nor 'end'", text);
        }
    }

    private static string[] ReadRecipes(JsonObject message, string text)
    {
        if (message["recipes"] is not JsonArray array || array.Count == 0)
        {
            throw new TriggerMessageException("$.recipes", "expected a non-empty list of recipe names", text);
        }

        var recipes = new string[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            recipes[i] = array[i] is JsonValue value && value.TryGetValue<string>(out var name) && name.Length > 0
                ? name
                : throw new TriggerMessageException($"$.recipes[{i}]", "expected a recipe name", text);
        }

        return recipes;
    }

    private static string ReadString(JsonObject parameters, string name, string text) =>
        ReadOptionalString(parameters, name, text) ?? throw new TriggerMessageException($"$.parameters.{name}", "missing", text);

    private static string? ReadOptionalString(JsonObject parameters, string name, string text)
    {
        if (!parameters.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var s)
            ? s
            : throw new TriggerMessageException($"$.parameters.{name}", $"expected a string, got {node.ToJsonString()}", text);
    }

    private static long ReadInteger(JsonObject parameters, string name, string text, long minimum)
    {
        var path = $"$.parameters.{name}";
        if (!parameters.TryGetPropertyValue(name, out var node) || node is null)
        {
            throw new TriggerMessageException(path, "missing", text);
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number || !value.TryGetValue<long>(out var number))
        {
            throw new TriggerMessageException(path, $"expected an integer, got {node.ToJsonString()}", text);
        }

        if (number < minimum || (name != "ispyb_dcid" && number > int.MaxValue))
        {
            throw new TriggerMessageException(path, $"{number} is out of range (at least {minimum})", text);
        }

        return number;
    }
}
