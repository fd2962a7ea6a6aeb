namespace Hyperion.FakeZocalo.Centring;

/// <summary>Running sums for one labelled 3D component: weights, weighted coordinates, maximum and bounds.</summary>
internal sealed class VoxelRegion
{
    public double SumW { get; private set; }

    public double SumWx { get; private set; }

    public double SumWy { get; private set; }

    public double SumWz { get; private set; }

    public long Total { get; private set; }

    public long Max { get; private set; } = -1;

    public int MaxIndex { get; private set; }

    public int Cells { get; private set; }

    public int MinX { get; private set; } = int.MaxValue;

    public int MinY { get; private set; } = int.MaxValue;

    public int MinZ { get; private set; } = int.MaxValue;

    public int MaxX { get; private set; } = -1;

    public int MaxY { get; private set; } = -1;

    public int MaxZ { get; private set; } = -1;

    /// <summary>Adds one voxel; voxels must come in C order so that ties for the maximum go to the first.</summary>
    public void Add(long value, int index, int x, int y, int z)
    {
        double w = value;
        SumW += w;
        SumWx += w * x;
        SumWy += w * y;
        SumWz += w * z;
        Total += value;
        Cells++;
        if (value > Max)
        {
            Max = value;
            MaxIndex = index;
        }

        MinX = Math.Min(MinX, x);
        MinY = Math.Min(MinY, y);
        MinZ = Math.Min(MinZ, z);
        MaxX = Math.Max(MaxX, x);
        MaxY = Math.Max(MaxY, y);
        MaxZ = Math.Max(MaxZ, z);
    }
}
