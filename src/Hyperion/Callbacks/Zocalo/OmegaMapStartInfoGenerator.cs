using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Zocalo;

/// <summary>
/// mx-bluesky's <c>generate_start_info_from_omega_map</c>: one start per grid omega, in order, with the dcid the ISPyB
/// callback mapped to that plane and frames counted from the <c>omega_to_scan_spec</c> metadata (or, where a plan
/// does not give it, from the grid's images as the snapshot recorded them), frames numbered on across grids.
/// </summary>
/// <param name="omegas">The grids' omegas, in scan order (0 and 90).</param>
public sealed class OmegaMapStartInfoGenerator(IReadOnlyList<int> omegas) : IZocaloStartInfoGenerator
{
    private bool _done;

    /// <inheritdoc />
    public IReadOnlyList<ZocaloStartInfo> Next(RunStart start, IspybTags tags)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(tags);
        if (_done)
        {
            return [];
        }

        _done = true;
        var specs = MetadataReader.Map(start.Metadata.GetValueOrDefault("omega_to_scan_spec"));
        var infos = new List<ZocaloStartInfo>();
        var startFrame = 0;
        for (var i = 0; i < omegas.Count; i++)
        {
            var omega = omegas[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!tags.GridPlaneToId.TryGetValue(omega, out var dcid))
            {
                throw new CallbackParametersException(start.Uid, "grid_plane_to_id_map", $"has no data collection for omega {omega} (no grid snapshot was deposited for it)");
            }

            var frames = specs is not null && specs.TryGetValue(omega, out var spec) ? FramesFromScanSpec(start.Uid, spec)
                : tags.GridPlaneToFrames.TryGetValue(omega, out var known) ? known
                : throw new CallbackParametersException(start.Uid, "omega_to_scan_spec", $"has no scan points for omega {omega}");
            infos.Add(new ZocaloStartInfo((int)dcid, null, startFrame, frames, i));
            startFrame += frames;
        }

        return infos;
    }

    /// <summary>mx-bluesky's <c>number_of_frames_from_scan_spec</c>: the length of the first axis's points.</summary>
    /// <param name="runUid">The run, for errors.</param>
    /// <param name="spec">The scan spec: axis name to points.</param>
    public static int FramesFromScanSpec(string runUid, object? spec)
    {
        var axes = MetadataReader.Map(spec);
        var first = axes?.Values.Select(MetadataReader.List).FirstOrDefault(l => l is not null);
        return first?.Count ?? throw new CallbackParametersException(runUid, "omega_to_scan_spec", "has a scan spec without axis points");
    }
}
