using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hyperion.FakeZocalo.Centring;

namespace Hyperion.FakeZocalo.Recipes;

/// <summary>
/// Writes and reads X-ray centring results as the workflows recipe message DLS's service publishes to the
/// <c>results</c> topic exchange with routing key <c>xrc.i03</c> and header <c>workflows-recipe: true</c>:
/// <code>
/// {"environment": {"ID": "…"},
///  "recipe": {"start": [[1, []]], "1": {"service": "…", "queue": "xrc.i03", "exchange": "results",
///             "parameters": {"dcid": 1, "dcgid": 2, "gpu": true}}},
///  "recipe-pointer": 1, "recipe-path": [],
///  "payload": {"results": [...], "status": "success", "type": "3d"}}
/// </code>
/// Each result is <c>{"centre_of_mass": [floats], "max_voxel": [ints], "max_count": int, "n_voxels": int,
/// "total_count": int, "sample_id": int|null, "bounding_box": [[ints], [ints]]}</c> in the field order pydantic
/// dumps DLS's model in (no <c>bounding_box</c> in 2D), with the types dodal's <c>XrcResult</c> declares.
/// Output is compact and depends only on the message, so a fixed <see cref="XrcResultsMessage.RecipeId"/>
/// gives fixed bytes.
/// </summary>
public static class XrcResultsEnvelope
{
    /// <summary>The exchange DLS publishes results to.</summary>
    public const string DefaultExchange = "results";

    /// <summary>i03's results channel: the queue name and routing key.</summary>
    public const string DefaultChannel = "xrc.i03";

    /// <summary>The recipe step's service name in DLS's i03 recipe.</summary>
    public const string DefaultService = "Send XRC results to GDA";

    /// <summary>The message header that marks a workflows recipe message; its value is <c>true</c>.</summary>
    public const string RecipeHeader = "workflows-recipe";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>Serialises a message to UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(XrcResultsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, message);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serialises a message to a JSON string.</summary>
    public static string ToJson(XrcResultsMessage message) => Encoding.UTF8.GetString(ToUtf8Json(message));

    /// <summary>Writes a message as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, XrcResultsMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Payload);
        writer.WriteStartObject();
        writer.WriteStartObject("environment");
        writer.WriteString("ID", message.RecipeId.ToString("D"));
        writer.WriteEndObject();

        writer.WriteStartObject("recipe");
        writer.WriteStartArray("start");
        writer.WriteStartArray();
        writer.WriteNumberValue(1);
        writer.WriteStartArray();
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartObject("1");
        writer.WriteString("service", message.Service);
        writer.WriteString("queue", message.Channel);
        writer.WriteString("exchange", message.Exchange);
        writer.WriteStartObject("parameters");
        writer.WriteNumber("dcid", message.Dcid);
        writer.WriteNumber("dcgid", message.Dcgid);
        writer.WriteBoolean("gpu", message.Gpu);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteNumber("recipe-pointer", 1);
        writer.WriteStartArray("recipe-path");
        writer.WriteEndArray();

        writer.WriteStartObject("payload");
        writer.WritePropertyName("results");
        WriteResults(writer, message.Payload.Results);
        writer.WriteString("status", message.Payload.Status);
        writer.WriteString("type", message.Payload.Type);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a results list as a JSON array, exactly as it appears in the payload.</summary>
    public static void WriteResults(Utf8JsonWriter writer, IReadOnlyList<XrcResult> results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        writer.WriteStartArray();
        foreach (var result in results)
        {
            WriteResult(writer, result);
        }

        writer.WriteEndArray();
    }

    /// <summary>A results list as compact JSON, exactly as it appears in the payload.</summary>
    public static string ResultsToJson(IReadOnlyList<XrcResult> results)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteResults(writer, results);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One result as compact JSON.</summary>
    public static string ResultToJson(XrcResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteResult(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a results message.</summary>
    /// <exception cref="RecipeEnvelopeException">Not JSON, or a field missing or mistyped; the path names it.</exception>
    public static XrcResultsMessage Parse(ReadOnlySpan<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new RecipeEnvelopeException("$", $"not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    /// <summary>Reads a results message from a JSON string.</summary>
    /// <exception cref="RecipeEnvelopeException">Not JSON, or a field missing or mistyped; the path names it.</exception>
    public static XrcResultsMessage Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Reads a results message. The recipe step is the one <c>recipe-pointer</c> points at; ids may be integers or
    /// numeric strings; a missing <c>gpu</c> reads as false; <c>payload.results</c> is required.
    /// </summary>
    /// <exception cref="RecipeEnvelopeException">A field missing or mistyped; the path names it.</exception>
    public static XrcResultsMessage Parse(JsonElement root)
    {
        var json = Reader;
        json.Object(root, "$");
        var environment = json.Object(json.Required(root, "environment", "$"), "$.environment");
        var idText = json.String(json.Required(environment, "ID", "$.environment"), "$.environment.ID");
        if (!Guid.TryParse(idText, out var recipeId))
        {
            throw new RecipeEnvelopeException("$.environment.ID", $"expected a UUID, got \"{idText}\"");
        }

        var pointer = json.Int64(json.Required(root, "recipe-pointer", "$"), "$.recipe-pointer");
        var recipe = json.Object(json.Required(root, "recipe", "$"), "$.recipe");
        var stepName = pointer.ToString(CultureInfo.InvariantCulture);
        var stepPath = $"$.recipe.{stepName}";
        var step = json.Object(json.Required(recipe, stepName, "$.recipe"), stepPath);
        var parameters = json.Object(json.Required(step, "parameters", stepPath), $"{stepPath}.parameters");
        var dcid = json.Int64OrNumericString(json.Required(parameters, "dcid", $"{stepPath}.parameters"), $"{stepPath}.parameters.dcid");
        var dcgid = json.Int64OrNumericString(json.Required(parameters, "dcgid", $"{stepPath}.parameters"), $"{stepPath}.parameters.dcgid");
        var gpu = JsonFieldReader.Optional(parameters, "gpu") is { } gpuElement && json.Boolean(gpuElement, $"{stepPath}.parameters.gpu");
        var channel = JsonFieldReader.Optional(step, "queue") is { } queue ? json.String(queue, $"{stepPath}.queue") : DefaultChannel;
        var exchange = JsonFieldReader.Optional(step, "exchange") is { } ex ? json.String(ex, $"{stepPath}.exchange") : DefaultExchange;
        var service = JsonFieldReader.Optional(step, "service") is { } svc ? json.String(svc, $"{stepPath}.service") : DefaultService;

        var payload = json.Object(json.Required(root, "payload", "$"), "$.payload");
        var results = ParseResults(json.Required(payload, "results", "$.payload"), "$.payload.results");
        var status = JsonFieldReader.Optional(payload, "status") is { } st ? json.String(st, "$.payload.status") : XrcResultsPayload.Success;
        var type = JsonFieldReader.Optional(payload, "type") is { } ty ? json.String(ty, "$.payload.type") : CentringOutcome.ThreeD;
        return new XrcResultsMessage(recipeId, dcid, dcgid, new XrcResultsPayload(results, status, type), gpu, channel, exchange, service);
    }

    /// <summary>Reads a results list (a JSON array of result objects), as the <c>xray-centre</c> command prints it.</summary>
    /// <exception cref="RecipeEnvelopeException">Not JSON, or a field missing or mistyped; the path names it.</exception>
    public static IReadOnlyList<XrcResult> ParseResults(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return ParseResults(document.RootElement, "$");
        }
        catch (JsonException ex)
        {
            throw new RecipeEnvelopeException("$", $"not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Reads a results list; <paramref name="path"/> prefixes the paths in errors.</summary>
    /// <exception cref="RecipeEnvelopeException">A field missing or mistyped; the path names it.</exception>
    public static IReadOnlyList<XrcResult> ParseResults(JsonElement results, string path)
    {
        var json = Reader;
        json.Array(results, path);
        var list = new List<XrcResult>(results.GetArrayLength());
        var i = 0;
        foreach (var item in results.EnumerateArray())
        {
            list.Add(ParseResult(item, JsonFieldReader.Item(path, i)));
            i++;
        }

        return list;
    }

    private static JsonFieldReader Reader { get; } = new((path, message) => new RecipeEnvelopeException(path, message));

    private static XrcResult ParseResult(JsonElement item, string path)
    {
        var json = Reader;
        json.Object(item, path);
        var centre = json.DoubleArray(json.Required(item, "centre_of_mass", path), $"{path}.centre_of_mass");
        if (centre.Length is not (2 or 3))
        {
            throw new RecipeEnvelopeException($"{path}.centre_of_mass", $"expected 2 or 3 coordinates, got {centre.Length}");
        }

        var maxVoxel = json.Int32Array(json.Required(item, "max_voxel", path), $"{path}.max_voxel", centre.Length);
        var maxCount = json.Int64(json.Required(item, "max_count", path), $"{path}.max_count");
        var nVoxels = json.Int32(json.Required(item, "n_voxels", path), $"{path}.n_voxels");
        var totalCount = json.Int64(json.Required(item, "total_count", path), $"{path}.total_count");
        long? sampleId = JsonFieldReader.Optional(item, "sample_id") is { } sample ? json.Int64(sample, $"{path}.sample_id") : null;
        XrcBoundingBox? box = null;
        if (JsonFieldReader.Optional(item, "bounding_box") is { } boxElement)
        {
            var boxPath = $"{path}.bounding_box";
            json.Array(boxElement, boxPath);
            if (boxElement.GetArrayLength() != 2)
            {
                throw new RecipeEnvelopeException(boxPath, $"expected two corners, got {boxElement.GetArrayLength()}");
            }

            var low = json.Int32Array(boxElement[0], $"{boxPath}[0]", 3);
            var high = json.Int32Array(boxElement[1], $"{boxPath}[1]", 3);
            box = new XrcBoundingBox(low[0], low[1], low[2], high[0], high[1], high[2]);
        }

        return new XrcResult(centre, maxVoxel, maxCount, nVoxels, totalCount, box, sampleId);
    }

    private static void WriteResult(Utf8JsonWriter writer, XrcResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteStartArray("centre_of_mass");
        foreach (var c in result.CentreOfMass)
        {
            writer.WriteRawValue(PythonFloat(c), skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("max_voxel");
        foreach (var v in result.MaxVoxel)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
        writer.WriteNumber("max_count", result.MaxCount);
        writer.WriteNumber("n_voxels", result.NVoxels);
        writer.WriteNumber("total_count", result.TotalCount);
        if (result.SampleId is { } sampleId)
        {
            writer.WriteNumber("sample_id", sampleId);
        }
        else
        {
            writer.WriteNull("sample_id");
        }

        if (result.BoundingBox is { } box)
        {
            writer.WriteStartArray("bounding_box");
            writer.WriteStartArray();
            writer.WriteNumberValue(box.X0);
            writer.WriteNumberValue(box.Y0);
            writer.WriteNumberValue(box.Z0);
            writer.WriteEndArray();
            writer.WriteStartArray();
            writer.WriteNumberValue(box.X1);
            writer.WriteNumberValue(box.Y1);
            writer.WriteNumberValue(box.Z1);
            writer.WriteEndArray();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A double as Python's <c>json.dumps</c> writes a float (<c>repr</c>): the shortest digits that read back
    /// exactly, always with a point or an exponent, and an exponent only below 1e-4 or from 1e16 up.
    /// </summary>
    internal static string PythonFloat(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for a non-finite centre of mass");
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // .NET's "R" gives the same shortest digits as Python; only the layout differs.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var mantissa = shortest;
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..e];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa[..dot] + mantissa[(dot + 1)..] : mantissa;
        var integerDigits = dot >= 0 ? dot : mantissa.Length;
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        var point = integerDigits - leadingZeros + exponent;
        string body;
        if (point is <= -4 or > 16)
        {
            var power = point - 1;
            body = $"{digits[0]}{(digits.Length > 1 ? "." + digits[1..] : string.Empty)}e{(power < 0 ? '-' : '+')}{Math.Abs(power):00}";
        }
        else if (point <= 0)
        {
            body = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            body = digits + new string('0', point - digits.Length) + ".0";
        }
        else
        {
            body = digits[..point] + "." + digits[point..];
        }

        return value < 0 ? "-" + body : body;
    }
}
