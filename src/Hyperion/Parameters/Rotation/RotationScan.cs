using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Hyperion.Cli.Parameters;

/// <summary>
/// Parameters of <c>multi_rotation_scan</c>: one or more sweeps with the detector armed once (mx-bluesky's
/// RotationScan, formerly MultiRotationScan). Every sweep must have the same width; each sweep's first frame in the
/// data set (<c>nexus_vds_start_img</c>) is worked out here.
/// </summary>
public sealed record RotationScan : RotationExperiment
{
    /// <summary>The sweeps (<c>rotation_scans</c>; required, at least one).</summary>
    [RequiredField]
    [MinLength(1)]
    public IReadOnlyList<RotationScanPerSweep> RotationScans { get; init; } = [];

    /// <summary>Images in all sweeps.</summary>
    [JsonIgnore]
    public override int NumImages => ImagesPerScan().Sum();

    /// <summary>The index of each sweep's first image, then the total.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> ScanIndices
    {
        get
        {
            var indices = new List<int> { 0 };
            foreach (var images in ImagesPerScan())
            {
                indices.Add(indices[^1] + images);
            }

            return indices;
        }
    }

    /// <summary>The detector settings: one trigger per sweep, each for the first sweep's number of images.</summary>
    [JsonIgnore]
    public override DetectorParams DetectorParams =>
        CreateDetectorParams(RotationScans[0].OmegaStartDeg, ImagesPerScan()[0], RotationScans.Count);

    /// <summary>Each sweep as a single rotation scan, carrying this scan's shared settings.</summary>
    [JsonIgnore]
    public IReadOnlyList<SingleRotationScan> SingleRotationScans => RotationScans.Select(ToSingleRotationScan).ToList();

    internal override ParameterModel Complete(BindingScope scope)
    {
        var width = RotationScans[0].ScanWidthDeg;
        for (var i = 1; i < RotationScans.Count; i++)
        {
            if (RotationScans[i].ScanWidthDeg != width)
            {
                scope.ErrorAt($"{scope.Item("rotation_scans", i)}.scan_width_deg", "sweep_widths_differ",
                    $"Sweeps with different numbers of frames are not supported (sweep 0 is {width} degrees wide)",
                    RotationScans[i].ScanWidthDeg);
            }
        }

        // Frame numbers accumulate as floats and truncate, as mx-bluesky's correct_start_vds does.
        var startImage = 0.0;
        var sweeps = new List<RotationScanPerSweep>(RotationScans.Count);
        foreach (var sweep in RotationScans)
        {
            sweeps.Add(sweep with { NexusVdsStartImg = (int)startImage });
            startImage += sweep.ScanWidthDeg / RotationIncrementDeg;
        }

        var completed = (RotationScan)base.Complete(scope);
        return completed with { RotationScans = sweeps };
    }

    private List<int> ImagesPerScan() => RotationScans.Select(s => ImagesIn(s.ScanWidthDeg)).ToList();

    private SingleRotationScan ToSingleRotationScan(RotationScanPerSweep sweep)
    {
        // As mx-bluesky: this scan's fields, then the sweep's over them, keeping only what a single scan has.
        var merged = ToJson();
        foreach (var (name, value) in sweep.ToJson())
        {
            merged[name] = value?.DeepClone();
        }

        var allowed = ParameterBinder.PropertiesOf(typeof(SingleRotationScan)).Select(p => p.JsonName).ToHashSet();
        var single = new JsonObject();
        foreach (var (name, value) in merged)
        {
            if (allowed.Contains(name))
            {
                single[name] = value?.DeepClone();
            }
        }

        return (SingleRotationScan)ParameterBinder.Bind(typeof(SingleRotationScan), single);
    }
}
