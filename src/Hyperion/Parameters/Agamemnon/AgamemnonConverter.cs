using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Turns Agamemnon's next instruction (<c>GET /getnextcollect/{beamline}</c>) into Hyperion parameters, as mx-bluesky's
/// agamemnon module does: nothing for no instruction, a <see cref="Wait"/> for <c>wait</c>, and for <c>collect</c> one
/// <see cref="LoadCentreCollectParams"/> per collection (each one sweep), whose <see cref="LoadCentreCollectParams.ToInternal"/>
/// gives the <see cref="LoadCentreCollect"/> to run. Fetching the instruction is the caller's business.
/// </summary>
public static partial class AgamemnonConverter
{
    /// <summary>The prefix of multi-sample pin loop types.</summary>
    public const string MultipinPrefix = "multipin";

    /// <summary>What a multipin loop type must look like.</summary>
    public const string MultipinFormatDescription =
        "Expected multipin format is multipin_{number_of_wells}x{well_size}+{distance_between_tip_and_first_well}";

    /// <summary>h·c in eV·Å, from CODATA's c and h in eV/Hz as scipy gives them, multiplied in scipy's order so the
    /// energies agree with mx-bluesky's to the last bit.</summary>
    public const double HcInEvAngstrom = 299792458.0 * 4.135667696923859e-15 * 1e10;

    /// <summary>The parameters for <paramref name="instructionJson"/>: empty for none (<c>{}</c> or an empty
    /// collect), one <see cref="Wait"/>, or one <see cref="LoadCentreCollectParams"/> per collection.</summary>
    /// <param name="instructionJson">Agamemnon's response.</param>
    /// <param name="xrcUseRoiMode">Whether grid scans read out only the detector's region of interest (Hyperion's
    /// XRC_USE_ROI_MODE feature setting).</param>
    /// <exception cref="AgamemnonException">The instruction cannot be understood.</exception>
    /// <exception cref="ParameterValidationException">It gives values the parameter models reject.</exception>
    public static IReadOnlyList<ParameterModel> CreateParameters(string instructionJson, bool xrcUseRoiMode = false)
    {
        JsonNode? instruction;
        try
        {
            instruction = JsonNode.Parse(instructionJson);
        }
        catch (JsonException e)
        {
            throw new AgamemnonException($"Agamemnon's response is not JSON: {e.Message}", e);
        }

        if (instruction is not JsonObject { Count: > 0 } body)
        {
            return [];
        }

        var (name, data) = body.First();
        return name switch
        {
            "wait" => [HyperionParameters.Load<Wait>(new JsonObject { ["duration_s"] = data?.DeepClone() })],
            "collect" => PopulateParameters(data as JsonObject, xrcUseRoiMode),
            _ => throw new AgamemnonException($"Unexpected instruction from agamemnon: {body.ToJsonString()}"),
        };
    }

    /// <summary>The internal load-centre-collect parameters for each collection in <paramref name="instructionJson"/>
    /// (none for a wait or no instruction).</summary>
    /// <exception cref="AgamemnonException">The instruction cannot be understood.</exception>
    /// <exception cref="ParameterValidationException">It gives values the parameter models reject.</exception>
    public static IReadOnlyList<LoadCentreCollect> ToLoadCentreCollect(string instructionJson, bool xrcUseRoiMode = false) =>
        CreateParameters(instructionJson, xrcUseRoiMode).OfType<LoadCentreCollectParams>().Select(p => p.ToInternal()).ToList();

    /// <summary>One <see cref="LoadCentreCollectParams"/> per collection of a <c>collect</c> instruction's data.</summary>
    /// <exception cref="AgamemnonException">The data cannot be understood.</exception>
    /// <exception cref="ParameterValidationException">It gives values the parameter models reject.</exception>
    public static IReadOnlyList<LoadCentreCollectParams> PopulateParameters(JsonObject? collect, bool xrcUseRoiMode = false)
    {
        if (collect is null || collect.Count == 0)
        {
            return [];
        }

        var (visit, detectorDistance) = GetVisitAndDetectorDistance(collect);
        var demandEnergyEv = GetDemandEnergyEv(collect);
        var pinType = GetPinType(collect);
        var sample = collect["sample"] as JsonObject ?? throw new AgamemnonException("Agamemnon collect has no sample");
        var (rotationDirectory, rotationFileName) = SplitPath(RequireString(collect, "prefix"));
        var (xrcDirectory, xrcFileName) = SplitPath(RequireString(collect, "xrc_prefix"));
        var snapshotDirectory = RequireString(collect, "jpegs_dir");
        var collections = collect["collection"] as JsonArray
            ?? throw new AgamemnonException("Agamemnon collect has no collection list");

        var result = new List<LoadCentreCollectParams>();
        foreach (var collection in collections.OfType<JsonObject>())
        {
            var document = new JsonObject
            {
                ["visit"] = visit,
                ["detector_distance_mm"] = detectorDistance,
                ["sample_id"] = sample["id"]?.DeepClone(),
                ["sample_puck"] = sample["container"]?.DeepClone(),
                ["sample_pin"] = sample["position"]?.DeepClone(),
                ["select_centres"] = new JsonObject { ["name"] = "TopNByMaxCount", ["n"] = pinType.WellCount },
                ["demand_energy_ev"] = demandEnergyEv,
                ["robot_load_then_centre"] = new JsonObject
                {
                    ["snapshot_directory"] = snapshotDirectory,
                    ["storage_directory"] = xrcDirectory,
                    ["file_name"] = xrcFileName,
                    ["pin_type"] = pinType.ToJson(),
                    ["omega_starts_deg"] = new JsonArray(0.0, 90.0),
                    ["chi_start_deg"] = collection["chi"]?.DeepClone(),
                    ["transmission_frac"] = 1.0,
                    ["exposure_time_s"] = GridscanParamConstants.ExposureTimeS,
                    ["use_roi_mode"] = xrcUseRoiMode,
                },
                ["multi_rotation_scan"] = new JsonObject
                {
                    ["comment"] = collection["comment"]?.DeepClone(),
                    ["snapshot_directory"] = snapshotDirectory,
                    ["storage_directory"] = rotationDirectory,
                    ["exposure_time_s"] = collection["exposure_time"]?.DeepClone(),
                    ["file_name"] = rotationFileName,
                    ["transmission_frac"] = collection["transmission"]?.DeepClone(),
                    ["rotation_increment_deg"] = collection["omega_increment"]?.DeepClone(),
                    ["ispyb_experiment_type"] = collection["experiment_type"]?.DeepClone(),
                    ["snapshot_omegas_deg"] = new JsonArray(0.0, 90.0, 180.0, 270.0),
                    ["rotation_scans"] = new JsonArray(new JsonObject
                    {
                        ["scan_width_deg"] = Number(collection, "number_of_images") * Number(collection, "omega_increment"),
                        ["omega_start_deg"] = collection["omega_start"]?.DeepClone(),
                        ["phi_start_deg"] = collection["phi_start"]?.DeepClone(),
                        ["chi_start_deg"] = collection["chi"]?.DeepClone(),
                        ["rotation_direction"] = "Positive",
                    }),
                },
            };
            result.Add(HyperionParameters.Load<LoadCentreCollectParams>(document));
        }

        return result;
    }

    /// <summary>The visit, from the MX-General data path of <c>prefix</c>, and the first collection's detector
    /// distance (Agamemnon gives one per collection; Hyperion assumes they agree).</summary>
    /// <exception cref="AgamemnonException">A field is missing or the path is not an MX-General one.</exception>
    public static (string Visit, double DetectorDistanceMm) GetVisitAndDetectorDistance(JsonObject collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        if (!collect.TryGetPropertyValue("prefix", out var prefixNode)
            || collect["collection"] is not JsonArray { Count: > 0 } collections
            || collections[0] is not JsonObject first
            || !first.ContainsKey("distance"))
        {
            throw new AgamemnonException("Unexpected json from agamemnon");
        }

        var prefix = prefixNode?.GetValueKind() == JsonValueKind.String ? prefixNode.GetValue<string>() : null;
        var match = prefix is null ? null : MxGeneralRoot().Match(prefix);
        if (match is not { Success: true })
        {
            throw new AgamemnonException($"Agamemnon prefix '{prefix}' does not match MX-General root structure");
        }

        return (match.Groups["visit"].Value, Number(first, "distance"));
    }

    /// <summary>The energy for the first collection's wavelength, eV, or null when it gives none.</summary>
    public static double? GetDemandEnergyEv(JsonObject collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        var wavelength = (collect["collection"] as JsonArray)?.FirstOrDefault() is JsonObject first
            && first["wavelength"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double?)null;
        return wavelength is { } angstrom ? HcInEvAngstrom / angstrom : null;
    }

    /// <summary>The pin from the sample's <c>loopType</c>: <c>multipin_{wells}x{well size}+{tip to first well}</c> is a
    /// multi-sample pin; anything else (or nothing) a single-sample pin.</summary>
    /// <exception cref="AgamemnonException">The loop type starts <c>multipin</c> but is not in that format.</exception>
    public static PinTypeParam GetPinType(JsonObject collect)
    {
        ArgumentNullException.ThrowIfNull(collect);
        var loopType = (collect["sample"] as JsonObject)?["loopType"] is JsonValue value
            && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (string.IsNullOrEmpty(loopType))
        {
            return new SingleSamplePinTypeParam();
        }

        var match = Multipin().Match(loopType);
        if (match.Success)
        {
            return new MultiSamplePinTypeParam
            {
                Wells = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                WellSizeUm = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                TipToFirstWellUm = double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture),
            };
        }

        if (loopType.StartsWith(MultipinPrefix, StringComparison.Ordinal))
        {
            throw new AgamemnonException($"Agamemnon loop type of {loopType} not recognised. {MultipinFormatDescription}");
        }

        // mx-bluesky logs a warning and carries on with a single-sample pin.
        return new SingleSamplePinTypeParam();
    }

    /// <summary>Splits a path into directory and name as Python's <c>os.path.split</c> does.</summary>
    internal static (string Directory, string Name) SplitPath(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return ("", path);
        }

        var head = path[..(slash + 1)];
        var trimmed = head.TrimEnd('/');
        return (trimmed.Length == 0 ? head : trimmed, path[(slash + 1)..]);
    }

    private static string RequireString(JsonObject collect, string name) =>
        collect[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new AgamemnonException($"Agamemnon collect has no {name}");

    private static double Number(JsonObject collection, string name) =>
        collection[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new AgamemnonException($"Agamemnon collection has no number {name}");

    [GeneratedRegex(@"^multipin_(\d+)x(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Multipin();

    [GeneratedRegex(@"^/dls/(?<beamline>[^/]+)/data/[^/]*/(?<visit>[^/]+)(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MxGeneralRoot();
}
