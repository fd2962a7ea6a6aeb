using System.Text.Json;
using Hyperion.FakeZocalo.Recipes;

namespace Hyperion.FakeZocalo.Centring;

/// <summary>
/// An offline centring job, as the <c>xray-centre</c> command reads it:
/// <code>
/// {"grids": [{"dcid": 1, "steps_x": 4, "steps_y": 3, "orientation": "horizontal", "snaked": true,
///             "spot_counts": [...]}, ...],
///  "threshold": 0.25, "threshold_absolute": 0, "sample_id": 123}
/// </code>
/// <c>orientation</c> defaults to <c>horizontal</c> and <c>snaked</c> to false (ISPyB's column defaults);
/// the options default to DLS's.
/// </summary>
/// <param name="Grids">One grid (2D) or two (3D).</param>
/// <param name="Options">Thresholds and sample id.</param>
public sealed record CentringRequest(IReadOnlyList<GridSpotCounts> Grids, CentringOptions Options)
{
    private static readonly JsonFieldReader Json = new((path, message) => new CentringInputException(path, message));

    /// <summary>Runs the centring the request describes.</summary>
    /// <exception cref="CentringInputException">Invalid grids; the field is a JSON path (<c>$.grids[1].steps_x</c>).</exception>
    public CentringOutcome Run()
    {
        try
        {
            return XrayCentring.Centre(Grids, Options);
        }
        catch (CentringInputException ex) when (!ex.Field.StartsWith('$'))
        {
            throw ex.Under("$");
        }
    }

    /// <summary>Reads a request from JSON text.</summary>
    /// <exception cref="CentringInputException">Not JSON, or a field missing or mistyped; the field is its JSON path.</exception>
    public static CentringRequest Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CentringInputException("$", $"not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Reads a request from a parsed JSON document.</summary>
    /// <exception cref="CentringInputException">A field missing or mistyped; the field is its JSON path.</exception>
    public static CentringRequest Parse(JsonElement root)
    {
        Json.Object(root, "$");
        var gridsElement = Json.Array(Json.Required(root, "grids", "$"), "$.grids");
        var grids = new List<GridSpotCounts>();
        var i = 0;
        foreach (var item in gridsElement.EnumerateArray())
        {
            grids.Add(ParseGrid(item, $"$.grids[{i}]"));
            i++;
        }

        var options = new CentringOptions(
            JsonFieldReader.Optional(root, "threshold") is { } t ? Json.Double(t, "$.threshold") : CentringOptions.Default.Threshold,
            JsonFieldReader.Optional(root, "threshold_absolute") is { } a ? Json.Double(a, "$.threshold_absolute") : CentringOptions.Default.AbsoluteThreshold,
            JsonFieldReader.Optional(root, "sample_id") is { } s ? Json.Int64(s, "$.sample_id") : null);
        try
        {
            options.Validate();
        }
        catch (CentringInputException ex)
        {
            throw ex.Under("$");
        }

        return new CentringRequest(grids, options);
    }

    private static GridSpotCounts ParseGrid(JsonElement grid, string path)
    {
        Json.Object(grid, path);
        var dcid = Json.Int64(Json.Required(grid, "dcid", path), $"{path}.dcid");
        var stepsX = Json.Int32(Json.Required(grid, "steps_x", path), $"{path}.steps_x");
        var stepsY = Json.Int32(Json.Required(grid, "steps_y", path), $"{path}.steps_y");
        var orientation = GridOrientation.Horizontal;
        if (JsonFieldReader.Optional(grid, "orientation") is { } o)
        {
            var text = Json.String(o, $"{path}.orientation");
            orientation = text.ToUpperInvariant() switch
            {
                "HORIZONTAL" => GridOrientation.Horizontal,
                "VERTICAL" => GridOrientation.Vertical,
                _ => throw new CentringInputException($"{path}.orientation", $"expected \"horizontal\" or \"vertical\", got \"{text}\""),
            };
        }

        var snaked = JsonFieldReader.Optional(grid, "snaked") is { } sn && Json.Boolean(sn, $"{path}.snaked");
        var counts = Json.Int32Array(Json.Required(grid, "spot_counts", path), $"{path}.spot_counts");
        return new GridSpotCounts(dcid, stepsX, stepsY, orientation, snaked, counts);
    }
}
