namespace Hyperion.ChannelAccess.SoftIoc.Database;

/// <summary>Settings of a record database.</summary>
public sealed record RecordDatabaseOptions
{
    /// <summary>How often a moving motor updates its readback (RBV, DRBV, RRBV); its move ends exactly on time regardless.</summary>
    public TimeSpan MotorUpdatePeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most records processed for one change through CP links and reprocess requests (a guard against link
    /// cycles, which EPICS would run forever).
    /// </summary>
    public int MaxChainedProcessing { get; init; } = 100_000;
}
