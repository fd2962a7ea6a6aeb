namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// The ISPyB tables Hyperion writes during a run (sessions, samples, data collection groups, data collections,
/// grid info, positions, robot actions) and the reads Zocalo's services and tests make of them. Thread-safe:
/// the fake Zocalo reads while Hyperion writes.
/// </summary>
/// <remarks>
/// <c>Get…</c> methods for one row return null for an unknown id; list reads throw
/// <see cref="IspybRecordNotFoundException"/> for an unknown parent, so "no such group" is not mistaken for "a
/// group with no collections". Updates and inserts that name an unknown row throw
/// <see cref="IspybRecordNotFoundException"/>; values ISPyB's schema would refuse throw
/// <see cref="IspybValidationException"/>. Updates write only the non-null properties of the row they are given.
/// Times are kept to the second, as ISPyB's <c>datetime</c> columns keep them.
/// </remarks>
public interface IIspybStore : IAsyncDisposable
{
    /// <summary>The session of a visit (<c>cm1234-67</c>), creating it and its proposal when new.</summary>
    /// <exception cref="IspybValidationException">The visit is not of the form <c>{code}{number}-{visit}</c>.</exception>
    Task<long> GetOrCreateSessionAsync(string visit, string? beamLineName, CancellationToken ct);

    /// <summary>A session by id, or null.</summary>
    Task<BLSessionRow?> GetSessionAsync(long sessionId, CancellationToken ct);

    /// <summary>Adds a sample, or replaces the one with the same <see cref="BLSampleRow.BlSampleId"/> (0: a new id).</summary>
    /// <returns>The sample's id.</returns>
    Task<long> UpsertSampleAsync(BLSampleRow sample, CancellationToken ct);

    /// <summary>Sets a sample's <c>blSampleStatus</c> (e.g. <see cref="BLSampleStatus.Loaded"/>).</summary>
    /// <exception cref="IspybRecordNotFoundException">No such sample.</exception>
    /// <exception cref="IspybValidationException">The status is longer than the column's 20 characters.</exception>
    Task UpdateSampleStatusAsync(long blSampleId, string status, CancellationToken ct);

    /// <summary>A sample by id, or null.</summary>
    Task<BLSampleRow?> GetSampleAsync(long blSampleId, CancellationToken ct);

    /// <summary>Adds a data collection group to an existing session.</summary>
    /// <returns>The new dcgid.</returns>
    /// <exception cref="IspybRecordNotFoundException">No such session.</exception>
    Task<long> InsertDataCollectionGroupAsync(DataCollectionGroupRow group, CancellationToken ct);

    /// <summary>Writes the non-null properties of <paramref name="update"/> to a group.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such group.</exception>
    Task UpdateDataCollectionGroupAsync(long dcgid, DataCollectionGroupRow update, CancellationToken ct);

    /// <summary>A group by dcgid, or null.</summary>
    Task<DataCollectionGroupRow?> GetDataCollectionGroupAsync(long dcgid, CancellationToken ct);

    /// <summary>Adds a data collection to an existing group; its session defaults to the group's.</summary>
    /// <returns>The new dcid.</returns>
    /// <exception cref="IspybRecordNotFoundException">No such group.</exception>
    Task<long> InsertDataCollectionAsync(DataCollectionRow collection, CancellationToken ct);

    /// <summary>Writes the non-null properties of <paramref name="update"/> to a collection (<c>comments</c> is replaced; see <see cref="AppendDataCollectionCommentAsync"/>).</summary>
    /// <exception cref="IspybRecordNotFoundException">No such collection.</exception>
    Task UpdateDataCollectionAsync(long dcid, DataCollectionRow update, CancellationToken ct);

    /// <summary>Appends to a collection's <c>comments</c>, after <paramref name="delimiter"/> when there are some already.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such collection.</exception>
    Task AppendDataCollectionCommentAsync(long dcid, string comment, string delimiter, CancellationToken ct);

    /// <summary>
    /// Ends a collection as Hyperion does: <c>runStatus</c> <see cref="RunStatus.Successful"/> or
    /// <see cref="RunStatus.Unsuccessful"/>, <c>endTime</c>, and, with a reason, <c>"{runStatus} reason: {reason}"</c>
    /// appended to the comments.
    /// </summary>
    /// <exception cref="IspybRecordNotFoundException">No such collection.</exception>
    Task EndDataCollectionAsync(long dcid, bool successful, DateTime endTime, string? reason, CancellationToken ct);

    /// <summary>A collection by dcid, or null.</summary>
    Task<DataCollectionRow?> GetDataCollectionAsync(long dcid, CancellationToken ct);

    /// <summary>A group's collections, by ascending dcid.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such group.</exception>
    Task<IReadOnlyList<DataCollectionRow>> GetDataCollectionsInGroupAsync(long dcgid, CancellationToken ct);

    /// <summary>Adds a collection's grid info; its group is the collection's.</summary>
    /// <returns>The new <c>gridInfoId</c>.</returns>
    /// <exception cref="IspybRecordNotFoundException">No such collection.</exception>
    Task<long> InsertGridInfoAsync(GridInfoRow grid, CancellationToken ct);

    /// <summary>A collection's grid info (the latest, should there be several), or null.</summary>
    Task<GridInfoRow?> GetGridInfoAsync(long dcid, CancellationToken ct);

    /// <summary>The grid info of every collection of a group, by ascending dcid.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such group.</exception>
    Task<IReadOnlyList<GridInfoRow>> GetGridInfosInGroupAsync(long dcgid, CancellationToken ct);

    /// <summary>Records a collection's sample position and points the collection's <c>POSITIONID</c> at it.</summary>
    /// <returns>The new <c>positionId</c>.</returns>
    /// <exception cref="IspybRecordNotFoundException">No such collection.</exception>
    Task<long> InsertPositionAsync(long dcid, PositionRow position, CancellationToken ct);

    /// <summary>A collection's position, or null when it has none (or there is no such collection).</summary>
    Task<PositionRow?> GetPositionAsync(long dcid, CancellationToken ct);

    /// <summary>Starts a robot action in an existing session; a missing start time is now.</summary>
    /// <returns>The new <c>robotActionId</c>.</returns>
    /// <exception cref="IspybRecordNotFoundException">No such session.</exception>
    /// <exception cref="IspybValidationException">No or an unknown action type, an unknown status, or a message over 255 characters.</exception>
    Task<long> InsertRobotActionAsync(RobotActionRow action, CancellationToken ct);

    /// <summary>Writes the non-null properties of <paramref name="update"/> (barcode, locations, snapshots, ...) to a robot action.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such robot action.</exception>
    Task UpdateRobotActionAsync(long robotActionId, RobotActionRow update, CancellationToken ct);

    /// <summary>Ends a robot action with its status (<c>SUCCESS</c>, <c>ERROR</c>, ...), message and end time.</summary>
    /// <exception cref="IspybRecordNotFoundException">No such robot action.</exception>
    Task EndRobotActionAsync(long robotActionId, string status, string? message, DateTime endTime, CancellationToken ct);

    /// <summary>A robot action by id, or null.</summary>
    Task<RobotActionRow?> GetRobotActionAsync(long robotActionId, CancellationToken ct);

    /// <summary>A sample's robot actions, oldest first (none for an unknown sample).</summary>
    Task<IReadOnlyList<RobotActionRow>> GetRobotActionsForSampleAsync(long blSampleId, CancellationToken ct);
}
