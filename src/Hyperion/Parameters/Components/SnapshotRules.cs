namespace Hyperion.Cli.Parameters;

/// <summary>WithSnapshot's rule, shared by every model that takes snapshots.</summary>
internal static class SnapshotRules
{
    /// <summary>Reports <c>snapshot_omegas_deg</c> given together with <c>use_grid_snapshots</c>.</summary>
    public static void Check(IWithSnapshot snapshot, BindingScope scope)
    {
        if (snapshot.UseGridSnapshots && snapshot.SnapshotOmegasDeg is { Count: > 0 })
        {
            scope.Error("snapshot_omegas_deg", "snapshot_omegas_with_grid_snapshots",
                "snapshot_omegas may not be specified with use_grid_snapshots", snapshot.SnapshotOmegasDeg);
        }
    }
}
