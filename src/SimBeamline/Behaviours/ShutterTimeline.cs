namespace Hyperion.SimBeamline.Behaviours;

/// <summary>
/// When a shutter opened and closed, on the twin's clock, so that a detector that works out its frames late can still
/// ask how much of each frame's exposure window the shutter was open for. Keeps the most recent changes.
/// </summary>
public sealed class ShutterTimeline
{
    private const int Capacity = 256;

    private readonly Lock _sync = new();
    private readonly Queue<(long At, bool Open)> _changes = new();
    private bool _openBefore;

    /// <summary>Starts with the shutter <paramref name="open"/> (or closed) since before any window asked about.</summary>
    public ShutterTimeline(bool open = false) => _openBefore = open;

    /// <summary>Records that the shutter became <paramref name="open"/> (or closed) at <paramref name="timestamp"/>.</summary>
    public void Record(long timestamp, bool open)
    {
        lock (_sync)
        {
            if (_changes.Count == Capacity)
            {
                _openBefore = _changes.Dequeue().Open;
            }

            _changes.Enqueue((timestamp, open));
        }
    }

    /// <summary>
    /// The fraction of [<paramref name="from"/>, <paramref name="to"/>] the shutter was open, as far as it is known (a
    /// window reaching past the last change assumes the shutter stays as it is); for an empty window, 1 when it was open
    /// at <paramref name="from"/>.
    /// </summary>
    public double OpenFraction(long from, long to)
    {
        lock (_sync)
        {
            var open = _openBefore;
            long openTicks = 0;
            var cursor = from;
            foreach (var (at, state) in _changes)
            {
                if (at <= from)
                {
                    open = state;
                    continue;
                }

                if (at >= to)
                {
                    break;
                }

                openTicks += open ? at - cursor : 0;
                cursor = at;
                open = state;
            }

            if (to <= from)
            {
                return open ? 1 : 0;
            }

            openTicks += open ? to - cursor : 0;
            return (double)openTicks / (to - from);
        }
    }
}
