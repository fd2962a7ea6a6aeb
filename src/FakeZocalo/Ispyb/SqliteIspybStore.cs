using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Hyperion.FakeZocalo.Ispyb;

/// <summary>
/// <see cref="IIspybStore"/> on SQLite: a file (WAL journal, so readers do not block the writer) or a named
/// in-memory database in shared-cache mode, which every store opened with the same name in the process sees and
/// which lives until the last such store is disposed. Each call uses its own pooled connection and each write one
/// transaction. Within a process, writes to one database go one at a time whichever store makes them; on an
/// in-memory database reads queue with them too, because shared-cache table locks would otherwise make readers
/// and writers spin on each other.
/// </summary>
public sealed class SqliteIspybStore : IIspybStore
{
    private const int CommentsLength = 1024;
    private const int SampleStatusLength = 20;
    private const int MessageLength = 255;

    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _writeGate;
    private readonly bool _gateReads;
    private readonly TimeProvider _time;

    private SqliteIspybStore(string dataSource, string connectionString, SqliteConnection? keepAlive, TimeProvider time)
    {
        DataSource = dataSource;
        _connectionString = connectionString;
        _keepAlive = keepAlive;
        _time = time;
        _gateReads = keepAlive is not null;
        var key = keepAlive is not null ? "memory:" + dataSource : "file:" + Path.GetFullPath(dataSource);
        _writeGate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>The database: the file path, or the in-memory database's name.</summary>
    public string DataSource { get; }

    /// <summary>Opens (creating when absent) the database file and its tables.</summary>
    /// <param name="path">The database file; its folder must exist.</param>
    /// <param name="time">The clock for <c>recordTimeStamp</c> and default start times; the system clock when null.</param>
    /// <param name="ct">Cancels the open.</param>
    /// <exception cref="IspybStoreException">The file cannot be opened or created, or is not an SQLite database.</exception>
    public static async Task<SqliteIspybStore> OpenFileAsync(string path, TimeProvider? time = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        var store = new SqliteIspybStore(path, connectionString, null, time ?? TimeProvider.System);
        await store.InitialiseAsync(wal: true, ct).ConfigureAwait(false);
        return store;
    }

    /// <summary>Opens a named in-memory database, creating its tables when it is new.</summary>
    /// <param name="name">The database's name; stores opened with the same name share it. A fresh unique name when null.</param>
    /// <param name="time">The clock for <c>recordTimeStamp</c> and default start times; the system clock when null.</param>
    /// <param name="ct">Cancels the open.</param>
    public static async Task<SqliteIspybStore> OpenInMemoryAsync(string? name = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        name ??= $"ispyb-{Guid.NewGuid():N}";
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = name,
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();

        // The database lives only while a connection to it is open.
        var keepAlive = new SqliteConnection(connectionString);
        try
        {
            await keepAlive.OpenAsync(ct).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await keepAlive.DisposeAsync().ConfigureAwait(false);
            throw new IspybStoreException(name, $"cannot open in-memory ISPyB database {name}: {ex.Message}", ex);
        }

        var store = new SqliteIspybStore(name, connectionString, keepAlive, time ?? TimeProvider.System);
        await store.InitialiseAsync(wal: false, ct).ConfigureAwait(false);
        return store;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections would otherwise keep the file open, and an in-memory database alive.
        using (var pooled = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<long> GetOrCreateSessionAsync(string visit, string? beamLineName, CancellationToken ct)
    {
        var parsed = IspybVisit.TryParse(visit)
            ?? throw new IspybValidationException(DataSource, "BLSession", "visit_number", $"\"{visit}\" is not a visit such as cm1234-67");
        return WriteAsync(
            async (c, tx) =>
            {
                await ExecuteAsync(c, tx, "INSERT INTO Proposal (proposalCode, proposalNumber) VALUES (@code, @number) ON CONFLICT DO NOTHING", ct, ("@code", parsed.ProposalCode), ("@number", parsed.ProposalNumber)).ConfigureAwait(false);
                var proposalId = (long)(await ScalarAsync(c, tx, "SELECT proposalId FROM Proposal WHERE proposalCode = @code AND proposalNumber = @number", ct, ("@code", parsed.ProposalCode), ("@number", parsed.ProposalNumber)).ConfigureAwait(false))!;
                await ExecuteAsync(c, tx, "INSERT INTO BLSession (proposalId, visit_number, beamLineName) VALUES (@p, @v, @b) ON CONFLICT DO NOTHING", ct, ("@p", proposalId), ("@v", parsed.VisitNumber), ("@b", beamLineName)).ConfigureAwait(false);
                return (long)(await ScalarAsync(c, tx, "SELECT sessionId FROM BLSession WHERE proposalId = @p AND visit_number = @v", ct, ("@p", proposalId), ("@v", parsed.VisitNumber)).ConfigureAwait(false))!;
            },
            ct);
    }

    /// <inheritdoc/>
    public Task<BLSessionRow?> GetSessionAsync(long sessionId, CancellationToken ct) =>
        ReadAsync(
            c => SingleAsync(c, "SELECT s.sessionId, s.visit_number, s.beamLineName, p.proposalCode, p.proposalNumber FROM BLSession s JOIN Proposal p ON p.proposalId = s.proposalId WHERE s.sessionId = @id", IspybTables.ReadSession, ct, ("@id", sessionId)),
            ct);

    /// <inheritdoc/>
    public Task<long> UpsertSampleAsync(BLSampleRow sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sample);
        CheckLength("BLSample", "blSampleStatus", sample.BlSampleStatus, SampleStatusLength);
        CheckLength("BLSample", "comments", sample.Comments, CommentsLength);
        return WriteAsync(
            async (c, tx) =>
            {
                var values = Values(IspybTables.BLSampleColumns, sample, onlySet: false);
                if (sample.BlSampleId == 0)
                {
                    return await InsertAsync(c, tx, "BLSample", "blSampleId", values, ct).ConfigureAwait(false);
                }

                values.Insert(0, ("blSampleId", sample.BlSampleId));
                var columns = string.Join(", ", values.Select(v => v.Column));
                var parameters = string.Join(", ", values.Select((_, i) => $"@p{i}"));
                var updates = string.Join(", ", values.Skip(1).Select(v => $"{v.Column} = excluded.{v.Column}"));
                await ExecuteAsync(
                    c,
                    tx,
                    $"INSERT INTO BLSample ({columns}) VALUES ({parameters}) ON CONFLICT (blSampleId) DO UPDATE SET {updates}",
                    ct,
                    [.. values.Select((v, i) => ($"@p{i}", v.Value))]).ConfigureAwait(false);
                return sample.BlSampleId;
            },
            ct);
    }

    /// <inheritdoc/>
    public Task UpdateSampleStatusAsync(long blSampleId, string status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(status);
        CheckLength("BLSample", "blSampleStatus", status, SampleStatusLength);
        return WriteAsync(
            (c, tx) => UpdateAsync(c, tx, "BLSample", "blSampleId", blSampleId, [("blSampleStatus", status)], ct),
            ct);
    }

    /// <inheritdoc/>
    public Task<BLSampleRow?> GetSampleAsync(long blSampleId, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT * FROM BLSample WHERE blSampleId = @id", IspybTables.ReadBLSample, ct, ("@id", blSampleId)), ct);

    /// <inheritdoc/>
    public Task<long> InsertDataCollectionGroupAsync(DataCollectionGroupRow group, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(group);
        Validate(group);
        return WriteAsync(
            async (c, tx) =>
            {
                await RequireAsync(c, tx, "BLSession", "sessionId", group.SessionId, ct).ConfigureAwait(false);
                var values = Values(IspybTables.DataCollectionGroupColumns, group, onlySet: false);
                values.Insert(0, ("sessionId", group.SessionId));
                return await InsertAsync(c, tx, "DataCollectionGroup", "dataCollectionGroupId", values, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <inheritdoc/>
    public Task UpdateDataCollectionGroupAsync(long dcgid, DataCollectionGroupRow update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        Validate(update);
        return WriteAsync(
            (c, tx) => UpdateAsync(c, tx, "DataCollectionGroup", "dataCollectionGroupId", dcgid, Values(IspybTables.DataCollectionGroupColumns, update, onlySet: true), ct),
            ct);
    }

    /// <inheritdoc/>
    public Task<DataCollectionGroupRow?> GetDataCollectionGroupAsync(long dcgid, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT * FROM DataCollectionGroup WHERE dataCollectionGroupId = @id", IspybTables.ReadDataCollectionGroup, ct, ("@id", dcgid)), ct);

    /// <inheritdoc/>
    public Task<long> InsertDataCollectionAsync(DataCollectionRow collection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(collection);
        Validate(collection);
        return WriteAsync(
            async (c, tx) =>
            {
                var session = await ScalarAsync(c, tx, "SELECT sessionId FROM DataCollectionGroup WHERE dataCollectionGroupId = @id", ct, ("@id", collection.DataCollectionGroupId)).ConfigureAwait(false)
                    ?? throw new IspybRecordNotFoundException(DataSource, "DataCollectionGroup", collection.DataCollectionGroupId);
                var values = Values(IspybTables.DataCollectionColumns, collection with { SessionId = collection.SessionId ?? (long)session }, onlySet: false);
                values.Insert(0, ("dataCollectionGroupId", collection.DataCollectionGroupId));
                return await InsertAsync(c, tx, "DataCollection", "dataCollectionId", values, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <inheritdoc/>
    public Task UpdateDataCollectionAsync(long dcid, DataCollectionRow update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        Validate(update);
        return WriteAsync(
            (c, tx) => UpdateAsync(c, tx, "DataCollection", "dataCollectionId", dcid, Values(IspybTables.DataCollectionColumns, update, onlySet: true), ct),
            ct);
    }

    /// <inheritdoc/>
    public Task AppendDataCollectionCommentAsync(long dcid, string comment, string delimiter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(comment);
        ArgumentNullException.ThrowIfNull(delimiter);
        return WriteAsync((c, tx) => AppendCommentAsync(c, tx, dcid, comment, delimiter, ct), ct);
    }

    /// <inheritdoc/>
    public Task EndDataCollectionAsync(long dcid, bool successful, DateTime endTime, string? reason, CancellationToken ct)
    {
        var status = successful ? RunStatus.Successful : RunStatus.Unsuccessful;
        return WriteAsync(
            async (c, tx) =>
            {
                await UpdateAsync(c, tx, "DataCollection", "dataCollectionId", dcid, [("runStatus", status), ("endTime", endTime)], ct).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(reason))
                {
                    await AppendCommentAsync(c, tx, dcid, $"{status} reason: {reason}", " ", ct).ConfigureAwait(false);
                }

                return true;
            },
            ct);
    }

    /// <inheritdoc/>
    public Task<DataCollectionRow?> GetDataCollectionAsync(long dcid, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT * FROM DataCollection WHERE dataCollectionId = @id", IspybTables.ReadDataCollection, ct, ("@id", dcid)), ct);

    /// <inheritdoc/>
    public Task<IReadOnlyList<DataCollectionRow>> GetDataCollectionsInGroupAsync(long dcgid, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                await RequireAsync(c, null, "DataCollectionGroup", "dataCollectionGroupId", dcgid, ct).ConfigureAwait(false);
                return await ListAsync(c, "SELECT * FROM DataCollection WHERE dataCollectionGroupId = @id ORDER BY dataCollectionId", IspybTables.ReadDataCollection, ct, ("@id", dcgid)).ConfigureAwait(false);
            },
            ct);

    /// <inheritdoc/>
    public Task<long> InsertGridInfoAsync(GridInfoRow grid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return WriteAsync(
            async (c, tx) =>
            {
                var group = await ScalarAsync(c, tx, "SELECT dataCollectionGroupId FROM DataCollection WHERE dataCollectionId = @id", ct, ("@id", grid.DataCollectionId)).ConfigureAwait(false)
                    ?? throw new IspybRecordNotFoundException(DataSource, "DataCollection", grid.DataCollectionId);
                var values = Values(IspybTables.GridInfoColumns, grid, onlySet: false);
                values.Insert(0, ("dataCollectionId", grid.DataCollectionId));
                values.Insert(1, ("dataCollectionGroupId", grid.DataCollectionGroupId ?? (long)group));
                values.Add(("recordTimeStamp", Now()));
                return await InsertAsync(c, tx, "GridInfo", "gridInfoId", values, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <inheritdoc/>
    public Task<GridInfoRow?> GetGridInfoAsync(long dcid, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT * FROM GridInfo WHERE dataCollectionId = @id ORDER BY gridInfoId DESC LIMIT 1", IspybTables.ReadGridInfo, ct, ("@id", dcid)), ct);

    /// <inheritdoc/>
    public Task<IReadOnlyList<GridInfoRow>> GetGridInfosInGroupAsync(long dcgid, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                await RequireAsync(c, null, "DataCollectionGroup", "dataCollectionGroupId", dcgid, ct).ConfigureAwait(false);
                return await ListAsync(c, "SELECT g.* FROM GridInfo g JOIN DataCollection d ON d.dataCollectionId = g.dataCollectionId WHERE d.dataCollectionGroupId = @id ORDER BY g.dataCollectionId, g.gridInfoId", IspybTables.ReadGridInfo, ct, ("@id", dcgid)).ConfigureAwait(false);
            },
            ct);

    /// <inheritdoc/>
    public Task<long> InsertPositionAsync(long dcid, PositionRow position, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(position);
        return WriteAsync(
            async (c, tx) =>
            {
                await RequireAsync(c, tx, "DataCollection", "dataCollectionId", dcid, ct).ConfigureAwait(false);
                var values = Values(IspybTables.PositionColumns, position, onlySet: false);
                values.Add(("recordTimeStamp", Now()));
                var positionId = await InsertAsync(c, tx, "Position", "positionId", values, ct).ConfigureAwait(false);
                await UpdateAsync(c, tx, "DataCollection", "dataCollectionId", dcid, [("POSITIONID", positionId)], ct).ConfigureAwait(false);
                return positionId;
            },
            ct);
    }

    /// <inheritdoc/>
    public Task<PositionRow?> GetPositionAsync(long dcid, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT p.* FROM Position p JOIN DataCollection d ON d.POSITIONID = p.positionId WHERE d.dataCollectionId = @id", IspybTables.ReadPosition, ct, ("@id", dcid)), ct);

    /// <inheritdoc/>
    public Task<long> InsertRobotActionAsync(RobotActionRow action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.ActionType is null)
        {
            throw new IspybValidationException(DataSource, "RobotAction", "actionType", "required");
        }

        Validate(action);
        return WriteAsync(
            async (c, tx) =>
            {
                await RequireAsync(c, tx, "BLSession", "sessionId", action.BlSessionId, ct).ConfigureAwait(false);
                var values = Values(IspybTables.RobotActionColumns, action with { StartTimestamp = action.StartTimestamp ?? Now() }, onlySet: false);
                return await InsertAsync(c, tx, "RobotAction", "robotActionId", values, ct).ConfigureAwait(false);
            },
            ct);
    }

    /// <inheritdoc/>
    public Task UpdateRobotActionAsync(long robotActionId, RobotActionRow update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        Validate(update);
        return WriteAsync(
            (c, tx) => UpdateAsync(c, tx, "RobotAction", "robotActionId", robotActionId, Values(IspybTables.RobotActionUpdateColumns, update, onlySet: true), ct),
            ct);
    }

    /// <inheritdoc/>
    public Task EndRobotActionAsync(long robotActionId, string status, string? message, DateTime endTime, CancellationToken ct) =>
        UpdateRobotActionAsync(robotActionId, new RobotActionRow { Status = status, Message = message ?? string.Empty, EndTimestamp = endTime }, ct);

    /// <inheritdoc/>
    public Task<RobotActionRow?> GetRobotActionAsync(long robotActionId, CancellationToken ct) =>
        ReadAsync(c => SingleAsync(c, "SELECT * FROM RobotAction WHERE robotActionId = @id", IspybTables.ReadRobotAction, ct, ("@id", robotActionId)), ct);

    /// <inheritdoc/>
    public Task<IReadOnlyList<RobotActionRow>> GetRobotActionsForSampleAsync(long blSampleId, CancellationToken ct) =>
        ReadAsync(c => ListAsync(c, "SELECT * FROM RobotAction WHERE blsampleId = @id ORDER BY robotActionId", IspybTables.ReadRobotAction, ct, ("@id", blSampleId)), ct);

    private static List<(string Column, object? Value)> Values<TRow>(IReadOnlyList<IspybColumn<TRow>> columns, TRow row, bool onlySet)
    {
        var values = new List<(string, object?)>(columns.Count);
        foreach (var column in columns)
        {
            var value = column.Get(row);
            if (!onlySet || value is not null)
            {
                values.Add((column.Name, value));
            }
        }

        return values;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, IspybValues.ToDb(value));
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection c, SqliteTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, tx, sql, parameters);
        var value = await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static async Task<T?> SingleAsync<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
        where T : class
    {
        await using var command = Command(c, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? read(reader) : null;
    }

    private static async Task<IReadOnlyList<T>> ListAsync<T>(SqliteConnection c, string sql, Func<SqliteDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(c, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<long> InsertAsync(SqliteConnection c, SqliteTransaction tx, string table, string key, List<(string Column, object? Value)> values, CancellationToken ct)
    {
        var columns = string.Join(", ", values.Select(v => v.Column));
        var parameters = string.Join(", ", values.Select((_, i) => $"@p{i}"));
        var sql = $"INSERT INTO {table} ({columns}) VALUES ({parameters}) RETURNING {key}";
        return (long)(await ScalarAsync(c, tx, sql, ct, [.. values.Select((v, i) => ($"@p{i}", v.Value))]).ConfigureAwait(false))!;
    }

    private async Task<bool> UpdateAsync(SqliteConnection c, SqliteTransaction tx, string table, string key, long id, List<(string Column, object? Value)> values, CancellationToken ct)
    {
        if (values.Count == 0)
        {
            await RequireAsync(c, tx, table, key, id, ct).ConfigureAwait(false);
            return true;
        }

        var assignments = string.Join(", ", values.Select((v, i) => $"{v.Column} = @p{i}"));
        var parameters = values.Select((v, i) => ($"@p{i}", v.Value)).Append(("@id", (object?)id)).ToArray();
        var changed = await ExecuteAsync(c, tx, $"UPDATE {table} SET {assignments} WHERE {key} = @id", ct, parameters).ConfigureAwait(false);
        return changed > 0 ? true : throw new IspybRecordNotFoundException(DataSource, table, id);
    }

    private async Task RequireAsync(SqliteConnection c, SqliteTransaction? tx, string table, string key, long id, CancellationToken ct)
    {
        if (await ScalarAsync(c, tx, $"SELECT 1 FROM {table} WHERE {key} = @id", ct, ("@id", id)).ConfigureAwait(false) is null)
        {
            throw new IspybRecordNotFoundException(DataSource, table, id);
        }
    }

    private async Task<bool> AppendCommentAsync(SqliteConnection c, SqliteTransaction tx, long dcid, string comment, string delimiter, CancellationToken ct)
    {
        var existing = await ScalarAsync(c, tx, "SELECT COALESCE(comments, '') FROM DataCollection WHERE dataCollectionId = @id", ct, ("@id", dcid)).ConfigureAwait(false)
            ?? throw new IspybRecordNotFoundException(DataSource, "DataCollection", dcid);
        var text = (string)existing;
        var combined = text.Length == 0 ? comment : text + delimiter + comment;
        CheckLength("DataCollection", "comments", combined, CommentsLength);
        return await UpdateAsync(c, tx, "DataCollection", "dataCollectionId", dcid, [("comments", combined)], ct).ConfigureAwait(false);
    }

    private DateTime Now() => IspybValues.ToSecond(_time.GetLocalNow().DateTime);

    private void Validate(DataCollectionGroupRow group)
    {
        CheckEnum("DataCollectionGroup", "experimentType", group.ExperimentType, IspybEnums.ExperimentTypes);
        CheckLength("DataCollectionGroup", "comments", group.Comments, CommentsLength);
    }

    private void Validate(DataCollectionRow collection)
    {
        CheckEnum("DataCollection", "rotationAxis", collection.RotationAxis, IspybEnums.RotationAxes);
        CheckLength("DataCollection", "comments", collection.Comments, CommentsLength);
    }

    private void Validate(RobotActionRow action)
    {
        CheckEnum("RobotAction", "actionType", action.ActionType, IspybEnums.RobotActionTypes);
        CheckEnum("RobotAction", "status", action.Status, IspybEnums.RobotActionStatuses);
        CheckLength("RobotAction", "message", action.Message, MessageLength);
    }

    private void CheckEnum(string table, string column, string? value, IReadOnlySet<string> allowed)
    {
        if (value is not null && !allowed.Contains(value))
        {
            throw new IspybValidationException(DataSource, table, column, $"\"{value}\" is not one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
        }
    }

    private void CheckLength(string table, string column, string? value, int length)
    {
        if (value is not null && value.Length > length)
        {
            throw new IspybValidationException(DataSource, table, column, $"{value.Length} characters is longer than the column's {length}");
        }
    }

    private async Task InitialiseAsync(bool wal, CancellationToken ct)
    {
        await WriteAsync(
            async (c, tx) =>
            {
                await ExecuteAsync(c, tx, IspybTables.CreateSql, ct).ConfigureAwait(false);
                return true;
            },
            ct,
            beforeTransaction: wal ? c => ExecuteAsync(c, null, "PRAGMA journal_mode=WAL", ct) : null).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new IspybStoreException(DataSource, $"cannot open ISPyB database {DataSource}: {ex.Message}", ex);
        }
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct, Func<SqliteConnection, Task<int>>? beforeTransaction = null)
    {
        await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = await ConnectAsync(ct).ConfigureAwait(false);
            if (beforeTransaction is not null)
            {
                await beforeTransaction(connection).ConfigureAwait(false);
            }

            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            var result = await work(connection, tx).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        catch (SqliteException ex)
        {
            throw new IspybStoreException(DataSource, $"ISPyB database {DataSource} refused a write: {ex.Message}", ex);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        if (_gateReads)
        {
            await _writeGate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using var connection = await ConnectAsync(ct).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new IspybStoreException(DataSource, $"cannot read ISPyB database {DataSource}: {ex.Message}", ex);
        }
        finally
        {
            if (_gateReads)
            {
                _writeGate.Release();
            }
        }
    }
}
