using Hyperion.FakeZocalo.Messages;

namespace Hyperion.FakeZocalo.Service;

/// <summary>One collection's frames so far: distinct frames count, not messages.</summary>
internal sealed class CollectionProgress
{
    private readonly Dictionary<int, int> _spots = [];
    private CollectionStarted? _start;
    private bool _ended;

    public bool IsComplete =>
        _start is { } start && Enumerable.Range(start.StartFrameIndex, start.NumberOfFrames).All(_spots.ContainsKey);

    public bool Start(CollectionStarted start)
    {
        if (_start is not null)
        {
            return false;
        }

        _start = start;
        return true;
    }

    public bool Add(ImageAnalysed image) => _spots.TryAdd(image.FrameIndex, image.Summary?.SpotsTotal ?? 0);

    public bool End()
    {
        var first = !_ended;
        _ended = true;
        return first;
    }

    public GridCounts Counts(CollectionRecord grid)
    {
        var start = _start ?? throw new InvalidOperationException($"dcid {grid.Dcid} has no start.");
        var counts = Enumerable.Range(start.StartFrameIndex, start.NumberOfFrames).Select(i => _spots[i]).ToArray();
        return new GridCounts(grid, start.Filename, counts);
    }

    public string Describe() => _start is { } start
        ? $"{Enumerable.Range(start.StartFrameIndex, start.NumberOfFrames).Count(_spots.ContainsKey)} of {start.NumberOfFrames} frames{(_ended ? ", ended" : string.Empty)}"
        : $"no start, {_spots.Count} frames";
}
