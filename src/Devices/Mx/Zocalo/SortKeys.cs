namespace Hyperion.Devices.Mx.Zocalo;

/// <summary>What the crystals are ranked by, strongest first (dodal's SortKeys).</summary>
public enum SortKeys
{
    /// <summary>max_count: the count in the strongest voxel.</summary>
    MaxCount,

    /// <summary>total_count: the count over the crystal.</summary>
    TotalCount,

    /// <summary>n_voxels: the crystal's size in voxels.</summary>
    NVoxels,
}
