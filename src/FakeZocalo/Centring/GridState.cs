namespace Hyperion.FakeZocalo.Centring;

/// <summary>One grid's counts so far, for <see cref="GridCompletion"/>; not thread-safe on its own.</summary>
internal sealed class GridState
{
    private readonly bool[] _present;

    public GridState(GridLayout layout)
    {
        Layout = layout;
        Counts = new int[layout.FrameCount];
        _present = new bool[layout.FrameCount];
    }

    public GridLayout Layout { get; }

    public int[] Counts { get; }

    public int Seen { get; private set; }

    /// <summary>Stores a frame's count unless the frame is already in; returns whether it was new.</summary>
    public bool Record(int index, int count)
    {
        if (_present[index])
        {
            return false;
        }

        _present[index] = true;
        Counts[index] = count;
        Seen++;
        return true;
    }
}
