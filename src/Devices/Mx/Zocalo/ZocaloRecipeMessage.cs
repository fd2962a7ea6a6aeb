using System.Text;
using System.Text.Json;

namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>
/// A message asking zocalo to run recipes (the body dodal's ZocaloTrigger sends): the recipe names and the
/// parameters, kept in the order Python serialises them.
/// </summary>
/// <param name="Recipes">The recipes to run ("mimas").</param>
/// <param name="Parameters">The parameters, in order; values are numbers, strings or null.</param>
public sealed record ZocaloRecipeMessage(IReadOnlyList<string> Recipes, IReadOnlyList<KeyValuePair<string, object?>> Parameters)
{
    /// <summary>The parameter named <paramref name="key"/> (KeyNotFoundException when absent).</summary>
    public object? this[string key]
    {
        get
        {
            foreach (var (name, value) in Parameters)
            {
                if (name == key)
                {
                    return value;
                }
            }

            throw new KeyNotFoundException($"No zocalo parameter '{key}'.");
        }
    }

    /// <summary>The JSON body: {"recipes": [...], "parameters": {...}}.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("recipes");
            foreach (var recipe in Recipes)
            {
                json.WriteStringValue(recipe);
            }

            json.WriteEndArray();
            json.WriteStartObject("parameters");
            foreach (var (key, value) in Parameters)
            {
                json.WritePropertyName(key);
                switch (value)
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case string s:
                        json.WriteStringValue(s);
                        break;
                    case int i:
                        json.WriteNumberValue(i);
                        break;
                    case long l:
                        json.WriteNumberValue(l);
                        break;
                    case double d:
                        json.WriteNumberValue(d);
                        break;
                    case bool b:
                        json.WriteBooleanValue(b);
                        break;
                    default:
                        throw new InvalidOperationException($"Zocalo parameter '{key}' has a {value.GetType().Name}, which is not a JSON scalar.");
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
