namespace Hyperion.Cli.Parameters;

/// <summary>How snapshot images are taken (mx-bluesky's WithSnapshot).</summary>
public interface IWithSnapshot
{
    /// <summary>Where snapshot images are stored (<c>snapshot_directory</c>).</summary>
    string SnapshotDirectory { get; }

    /// <summary>The omegas at which rotation snapshots are taken (<c>snapshot_omegas_deg</c>); ignored by grid scans.</summary>
    IReadOnlyList<double>? SnapshotOmegasDeg { get; }

    /// <summary>Whether rotation snapshots are made from the grid snapshots instead of fresh images
    /// (<c>use_grid_snapshots</c>); not allowed together with <see cref="SnapshotOmegasDeg"/>.</summary>
    bool UseGridSnapshots { get; }

    /// <summary>Whether any snapshots are taken.</summary>
    bool TakeSnapshots { get; }
}
