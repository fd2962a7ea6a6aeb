using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>Writes enums by their <see cref="EnumLabels"/> label (or number, for numeric enums) and reads them back.</summary>
internal sealed class EnumLabelConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var labels = EnumLabels.For(typeof(T));
            if (labels is null)
            {
                var number = reader.GetInt32();
                return Enum.IsDefined(typeof(T), number)
                    ? (T)Enum.ToObject(typeof(T), number)
                    : throw new JsonException($"{number} is not a {typeof(T).Name}");
            }

            var text = reader.GetString();
            foreach (var pair in labels)
            {
                if (pair.Value == text)
                {
                    return (T)pair.Key;
                }
            }

            throw new JsonException($"'{text}' is not a {typeof(T).Name}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (EnumLabels.LabelOf(value) is { } label)
            {
                writer.WriteStringValue(label);
            }
            else
            {
                writer.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
