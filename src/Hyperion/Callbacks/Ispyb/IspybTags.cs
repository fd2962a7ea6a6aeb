namespace Hyperion.Cli.Callbacks.Ispyb;

/// <summary>
/// What an ISPyB callback adds to each document it passes on (mx-bluesky's <c>ispyb_dcids</c> and
/// <c>grid_plane_to_id_map</c> document tags), for the Zocalo callback downstream.
/// </summary>
/// <param name="Ids">The ids deposited so far.</param>
/// <param name="GridPlaneToId">For grid scans: the dcid of each grid, keyed by its omega plane ("0" or "90").</param>
/// <param name="GridPlaneToFrames">For grid scans: the number of images of each grid, keyed as above.</param>
public sealed record IspybTags(IspybIds Ids, IReadOnlyDictionary<string, long> GridPlaneToId, IReadOnlyDictionary<string, int> GridPlaneToFrames);
