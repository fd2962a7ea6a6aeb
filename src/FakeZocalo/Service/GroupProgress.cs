using Hyperion.FakeZocalo.Centring;
using Hyperion.FakeZocalo.Messages;
using Hyperion.FakeZocalo.Transport;

namespace Hyperion.FakeZocalo.Service;

/// <summary>What the reducer knows of one data collection group while its frames come in.</summary>
internal sealed class GroupProgress(long dcgid, IReadOnlyList<GridLayout> grids, DateTimeOffset now, long? sampleId = null)
{
    private readonly HashSet<long> _ended = [];

    public long Dcgid { get; } = dcgid;

    /// <summary>The sample the grids were of (ISPyB's BLSAMPLEID), which each result names, or null.</summary>
    public long? SampleId { get; } = sampleId;

    /// <summary>Counts distinct frames per grid (a repeated frame changes nothing).</summary>
    public GridCompletion Completion { get; } = new(dcgid, grids);

    /// <summary>The file stem the grids' frames come from (for faults chosen by prefix), once known.</summary>
    public string? Filename { get; private set; }

    /// <summary>The deliveries this group's state was built from, settled when its result is out.</summary>
    public List<TransportMessage> Held { get; } = [];

    public DateTimeOffset LastProgress { get; private set; } = now;

    /// <summary>Applies one input; false when it added nothing new (a duplicate).</summary>
    public bool Apply(ReducerInput input, DateTimeOffset now)
    {
        var changed = input switch
        {
            CollectionStarted start => Named(start.Filename),
            ImageAnalysed image => Named(image.Filename) | (Completion.Add(image.Dcid, image.ImageNumber, image.Summary?.SpotsTotal ?? 0) == FrameAcceptance.Added),
            CollectionEnded ended => _ended.Add(ended.Dcid),
            _ => false,
        };
        if (changed)
        {
            LastProgress = now;
        }

        return changed;
    }

    /// <summary>What is still missing, for the log when the group times out.</summary>
    public string Missing() => string.Join(
        "; ",
        Completion.Grids.Select(g => $"dcid {g.Dcid}: {Completion.FramesSeen(g.Dcid)} of {g.FrameCount} frames{(_ended.Contains(g.Dcid) ? ", ended" : string.Empty)}"));

    private bool Named(string filename)
    {
        if (Filename is not null)
        {
            return false;
        }

        Filename = filename;
        return true;
    }
}
