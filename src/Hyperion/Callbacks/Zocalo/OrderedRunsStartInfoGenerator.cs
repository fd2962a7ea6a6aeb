using Hyperion.Cli.Callbacks.Ispyb;
using Hyperion.Devices.Mx.Zocalo;
using Hyperion.Engine.Documents;

namespace Hyperion.Cli.Callbacks.Zocalo;

/// <summary>
/// mx-bluesky's <c>generate_start_info_from_ordered_runs</c>: each start with <c>scan_points</c> and deposited dcids
/// starts those collections, frames numbered on across the runs in the order they came.
/// </summary>
public sealed class OrderedRunsStartInfoGenerator : IZocaloStartInfoGenerator
{
    private int _startFrame;

    /// <inheritdoc />
    public IReadOnlyList<ZocaloStartInfo> Next(RunStart start, IspybTags tags)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(tags);
        var scanPoints = MetadataReader.List(start.Metadata.GetValueOrDefault("scan_points"));
        var ids = tags.Ids.DataCollectionIds;
        if (scanPoints is null || ids.Count == 0)
        {
            return [];
        }

        var infos = new List<ZocaloStartInfo>();
        foreach (var (dcid, index) in ids.Zip(scanPoints).Select((pair, i) => (pair.First, i)))
        {
            var points = scanPoints[index];
            var frames = MetadataReader.List(points)?.Count ?? OmegaMapStartInfoGenerator.FramesFromScanSpec(start.Uid, points);
            infos.Add(new ZocaloStartInfo((int)dcid, null, _startFrame, frames, index));
            _startFrame += frames;
        }

        return infos;
    }
}
